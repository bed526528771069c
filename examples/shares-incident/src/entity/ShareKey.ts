import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Share } from "./Share";

@Entity("share_keys")
export class ShareKey {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @ManyToOne(() => Share, (share) => share.keys, { onDelete: "CASCADE" })
  @JoinColumn({ name: "share_id" })
  share: Share;

  @Column({ name: "encrypted_key", type: "text" })
  encryptedKey: string;
}
