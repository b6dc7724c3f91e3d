import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsEntityId, IsOneOfChange, IsStorableText } from '../common/validators';
import { CrmActor } from './crm-actor';

/** The types a custom attribute may have; `list` is one value out of the definition's options. */
export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'list'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A key as integrations write it: a letter, then letters, digits or `_`, at most 64. */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The longest value of a `text` attribute. */
export const ATTRIBUTE_TEXT_MAX_LENGTH = 1000;

export interface AttributeDefinitionView {
  id: string;
  key: string;
  label: string;
  type: AttributeType;
  options: string[];
  createdAt: string;
}

function IsAttributeOptions(): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(100)(target, key);
    IsString({ each: true })(target, key);
    MinLength(1, { each: true })(target, key);
    MaxLength(100, { each: true })(target, key);
    IsStorableText()(target, key);
  };
}

/**
 * `crm.attribute.define` → AttributeDefinitionView: a new custom attribute of the workspace.
 * A `list` needs its options; the other types take none. A key already defined →
 * CUSTOMER_ATTRIBUTE_EXISTS.
 */
export class DefineAttributeRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @Matches(ATTRIBUTE_KEY_PATTERN, {
    message: 'key must be a letter then up to 63 letters, digits or "_"',
  })
  key!: string;
  @IsString() @MinLength(1) @MaxLength(100) @IsStorableText() label!: string;
  @IsIn(ATTRIBUTE_TYPES) type!: AttributeType;
  @IsOptional() @IsAttributeOptions() @ArrayMinSize(1) options?: string[];
}

const DEFINITION_CHANGE_FIELDS = ['label', 'options'] as const;

/**
 * `crm.attribute.update` → AttributeDefinitionView: a new label, or new options of a `list`.
 * The key and the type never change: values already stored were checked against them.
 */
export class UpdateAttributeRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() definitionId!: string;
  @IsOneOfChange(DEFINITION_CHANGE_FIELDS)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsStorableText()
  label?: string;
  @IsOneOfChange(DEFINITION_CHANGE_FIELDS)
  @IsAttributeOptions()
  @ArrayMinSize(1)
  options?: string[];
}

/**
 * `crm.attribute.delete` → DeletedAttributeView: the definition is removed and, in the same
 * transaction, its values from every customer of the workspace, each customer's removal audited
 * and announced (`evt.crm.customer.changed.v1`, `attributes.<key>` → null). A value without its
 * definition could be neither checked nor edited, so none is left behind. Another workspace's
 * definition → CUSTOMER_ATTRIBUTE_NOT_FOUND.
 */
export class DeleteAttributeRequest {
  @IsEntityId() workspaceId!: string;
  @IsDefined() @ValidateNested() @Type(() => CrmActor) actor!: CrmActor;
  @IsEntityId() definitionId!: string;
}

/** The deleted definition, and how many customers had a value of it (now removed). */
export interface DeletedAttributeView {
  definition: AttributeDefinitionView;
  valuesRemoved: number;
}

/** `crm.attribute.list` → AttributeDefinitionView[], by key. */
export class ListAttributesRequest {
  @IsEntityId() workspaceId!: string;
}
