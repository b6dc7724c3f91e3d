import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { IsEntityId } from '../common/validators';

/** A stored row as the owning service's table holds it (`to_jsonb`), every column included. */
export type ExportedRow = Record<string, unknown>;

/**
 * `crm.privacy.export` → CrmCustomerExport, `crm.privacy.erase` → ErasedRows: one customer's
 * data in crm, including the notes written on the given conversations (crm cannot tell whose a
 * conversation is). Erasure removes the customer and all of it.
 */
export class CrmCustomerDataRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
  /** The customer's conversations: the notes written on them are the customer's too. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsUUID('all', { each: true })
  conversationIds?: string[];
}

/** What crm holds about one customer, table by table. */
export interface CrmCustomerExport {
  customer: ExportedRow;
  /** Table name (`crm.orders`) → the customer's rows of it. */
  tables: Record<string, ExportedRow[]>;
}

/**
 * `conversation.privacy.export` → ConversationCustomerExport, `conversation.privacy.erase` →
 * ErasedRows: the customer's conversations and their messages.
 */
export class ConversationCustomerDataRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() customerId!: string;
}

export interface ConversationCustomerExport {
  /** Each conversation row with its messages in order. */
  conversations: (ExportedRow & { messages: ExportedRow[] })[];
}

/** What `conversation.privacy.erase` did, and which conversations were the customer's. */
export interface ConversationErasure extends ErasedRows {
  /** The customer's conversations (kept, emptied): crm erases the notes written on them. */
  conversationIds: string[];
}

/**
 * `connector-web.privacy.export` → WebVisitorExport, `connector-web.privacy.erase` → ErasedRows:
 * what the widget recorded about these visitors (the external ids of the customer's web
 * identities): presence, visits, page views, invitations, sessions.
 */
export class WebVisitorDataRequest {
  @IsEntityId() workspaceId!: string;
  @IsArray()
  @ArrayMaxSize(1_000)
  @IsUUID('all', { each: true })
  visitorIds!: string[];
}

export interface WebVisitorExport {
  /** Table name (`web.visits`) → the visitors' rows of it. */
  tables: Record<string, ExportedRow[]>;
}

/** What an erasure removed or anonymised: table name → number of rows. */
export interface ErasedRows {
  erased: Record<string, number>;
}
