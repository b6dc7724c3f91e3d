import { plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min, validateSync } from 'class-validator';

/**
 * The name a bundle file must have: `widget.<hash>.js`. Only such a name is ever served or
 * written into the loader, so a manifest cannot point outside the folder or inject script.
 */
export const BUNDLE_FILE_NAME = /^widget\.[A-Za-z0-9_-]{4,64}\.js$/;

/** `manifest.json`, written by the widget build beside the bundle. */
export class WidgetManifest {
  @Matches(BUNDLE_FILE_NAME, { message: 'file must be widget.<hash>.js' })
  file!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  bytes?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  gzipBytes?: number;
}

/** The manifest from its JSON text; throws an Error saying what is wrong. */
export function parseWidgetManifest(json: string): WidgetManifest {
  const manifest = plainToInstance(WidgetManifest, JSON.parse(json) as unknown);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('manifest.json is not an object');
  }
  const errors = validateSync(manifest);
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`manifest.json is invalid: ${problems.join('; ')}`);
  }
  return manifest;
}
