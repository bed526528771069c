import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Document } from "./Document";
import { User } from "./User";
import { ShareKey } from "./ShareKey";

@Entity("shares")
@Index("UQ_shares_document_user", ["document", "user"], { unique: true })
export class Share {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @ManyToOne(() => Document, { onDelete: "CASCADE" })
  @JoinColumn({ name: "document_id" })
  document: Document;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user: User;

  @Column({ type: "varchar", length: 16, default: "read" })
  permission: string;

  @OneToMany(() => ShareKey, (key) => key.share)
  keys: ShareKey[];
}
