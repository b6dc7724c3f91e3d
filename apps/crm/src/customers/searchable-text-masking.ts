import { Injectable } from '@nestjs/common';
import { WorkspaceMasking } from '@hub/workspace-masking';

/** The free-text fields of a customer that the search indexes hold. */
interface SearchableText {
  name?: string | null;
  company?: string | null;
  attributes?: Record<string, unknown>;
}

/**
 * Masks card numbers and the workspace's patterns in a customer's free text (name, company, text
 * attribute values) before it is stored, so neither the record nor the search indexes built on
 * it ever hold them. Emails, phones and channel ids are identifiers and are kept as they are.
 */
@Injectable()
export class SearchableTextMasking {
  constructor(private readonly masking: WorkspaceMasking) {}

  async mask<T extends SearchableText>(workspaceId: string, fields: T): Promise<T> {
    const mask = (text: string) => this.masking.mask(workspaceId, text);
    const masked: T = { ...fields };
    if (typeof fields.name === 'string') masked.name = await mask(fields.name);
    if (typeof fields.company === 'string') masked.company = await mask(fields.company);
    if (fields.attributes) {
      const attributes: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields.attributes))
        attributes[key] = typeof value === 'string' ? await mask(value) : value;
      masked.attributes = attributes;
    }
    return masked;
  }
}
