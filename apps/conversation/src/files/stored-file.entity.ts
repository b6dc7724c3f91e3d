import { FILE_UPLOADER_KINDS, type FileUploaderKind } from '@hub/contracts';
import { bigintToNumber, sqlIn } from '@hub/persistence';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// The record of an uploaded file; its bytes are in the edges' file storage under storage_key.
// A message refers to it by attachment_file_id; uploader_* say whose it is, which decides who
// may attach it (the visitor who uploaded it, or any agent of the workspace).
@Entity({ schema: 'conversation', name: 'files' })
@Index('ix_files_workspace_uploader', ['workspaceId', 'uploaderKind', 'uploaderId'])
@Check('ck_files_uploader_kind', sqlIn('uploader_kind', FILE_UPLOADER_KINDS))
@Check('ck_files_size', 'size > 0')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid', { name: 'id', primaryKeyConstraintName: 'pk_files' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'uploader_kind', type: 'text' })
  uploaderKind!: FileUploaderKind;

  @Column({ name: 'uploader_id', type: 'text' })
  uploaderId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'size', type: 'bigint', transformer: bigintToNumber })
  size!: number;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType!: string;

  @Column({ name: 'storage_key', type: 'text', unique: true })
  storageKey!: string;

  @Column({ name: 'sha256', type: 'text' })
  sha256!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
