import {
  IsHexadecimal,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { FILE_UPLOADER_KINDS, type FileUploaderKind } from '../views/file-view';
import { IsEntityId, IsExternalId, IsStorableText } from '../common/validators';

/**
 * `conversation.file.register` → FileView: an edge stored an upload's bytes and records the file
 * (who uploaded it, its name, size and sniffed type) with conversation, which owns attachments.
 */
export class RegisterFileRequest {
  @IsEntityId() workspaceId!: string;
  @IsIn(FILE_UPLOADER_KINDS) uploaderKind!: FileUploaderKind;
  /** The visitor id or the agent id. */
  @IsExternalId() uploaderId!: string;
  @IsString() @Length(1, 255) @IsStorableText() name!: string;
  @IsInt() @Min(1) size!: number;
  @IsString() @MaxLength(100) mimeType!: string;
  /** Where the bytes are in the file storage: `<workspaceId>/<uuid>`. */
  @Matches(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/) storageKey!: string;
  @IsHexadecimal() @Length(64, 64) sha256!: string;
}

/** `conversation.file.get` → StoredFileView or FILE_NOT_FOUND: for the edges serving a signed link. */
export class GetFileRequest {
  @IsEntityId() fileId!: string;
}

/**
 * `conversation.file.upload-limit` → UploadLimitReply: the most bytes a visitor may upload in
 * this web inbox (`settings.widget.uploads.maxBytes`, else the hub's default), asked by
 * connector-web before it reads an upload.
 */
export class GetUploadLimitRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
}

/** The reply of `conversation.file.upload-limit`; null when the inbox sets no limit. */
export interface UploadLimitReply {
  maxBytes: number | null;
}
