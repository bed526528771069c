import "reflect-metadata";
import { DataSource } from "typeorm";

// Dev and test ran with synchronize: true, which is how Share and ShareKey never got a
// CREATE TABLE migration. Staging runs with synchronize off.
export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL ?? "postgres://app:app@db.staging.internal:5432/app",
  synchronize: process.env.NODE_ENV !== "staging",
  logging: false,
  entities: [__dirname + "/entity/*.{ts,js}"],
  migrations: [__dirname + "/migration/*.{ts,js}"],
});
