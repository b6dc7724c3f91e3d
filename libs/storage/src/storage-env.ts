import { ServiceEnv } from '@hub/config';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MinLength,
  ValidateIf,
} from 'class-validator';

const FILE_STORES = ['local', 's3'] as const;
export type FileStoreKind = (typeof FILE_STORES)[number];

const isS3 = (env: StorageEnv) => env.FILES_STORE === 's3';

/**
 * The variables of the edges that take uploads and serve files (connector-web, gateway): where
 * the bytes go and the secret signing file links. Their env classes extend this one.
 */
export class StorageEnv extends ServiceEnv {
  /** `local` (default): a folder on this machine; `s3`: an S3-compatible bucket. */
  @IsOptional()
  @IsIn(FILE_STORES)
  FILES_STORE: FileStoreKind = 'local';

  /** The local store's folder; default `.hub/files` at the repository root. */
  @IsOptional()
  @IsString()
  FILES_DIR?: string;

  /**
   * Signs the short-lived file links (HMAC-SHA256). Every replica of both edges needs the same
   * one. Required in production; elsewhere a fixed development value stands in.
   */
  @ValidateIf(
    (env: StorageEnv) => env.NODE_ENV === 'production' || env.FILES_SIGNING_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32, {
    message: 'FILES_SIGNING_SECRET must be at least 32 characters (required in production)',
  })
  FILES_SIGNING_SECRET?: string;

  /**
   * This edge's public origin (`https://chat.example.com`), for the file links it hands out;
   * without it, the origin the client used (its Host header).
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  @ValidateIf(isS3)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  @ValidateIf(isS3)
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_REGION: string = 'us-east-1';

  @ValidateIf(isS3)
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf(isS3)
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  /** `true`: `<endpoint>/<bucket>/<key>` (MinIO and most self-hosted stores). */
  @IsOptional()
  // Implicit conversion would read the text "false" as true.
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    [true, 'true'].includes(obj.S3_FORCE_PATH_STYLE as string),
  )
  @IsBoolean()
  S3_FORCE_PATH_STYLE: boolean = false;
}
