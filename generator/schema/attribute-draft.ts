import type { Node } from 'yaml';
import type { DataTypeIR, DefaultValueIR, ReferentialAction, ValidatorIR } from '../ir.js';

/**
 * An attribute as read from the file, before the model's options resolve it; it keeps the
 * YAML nodes so later checks can point at the right key or value. Undefined means "not written".
 */
export interface AttributeDraft {
  readonly name: string;
  readonly nameNode: Node;
  /** Undefined when the type could not be read (already reported). */
  readonly type?: DataTypeIR;
  readonly typeNode: Node;
  readonly field?: string;
  readonly allowNull?: boolean;
  readonly defaultValue?: DefaultValueIR;
  readonly defaultValueNode?: Node;
  readonly primaryKey: boolean;
  readonly autoIncrement: boolean;
  readonly autoIncrementNode?: Node;
  readonly unique: boolean | string;
  readonly comment?: string;
  readonly references?: ReferenceDraft;
  readonly validate?: readonly ValidatorIR[];
  readonly validateNode?: Node;
  readonly get?: string;
  readonly set?: string;
  /** `virtual: true` or `virtual: [attributes the getter reads]`. */
  readonly virtual?: { readonly fields: readonly string[]; readonly node: Node };
}

export interface ReferenceDraft {
  readonly node: Node;
  readonly model?: string;
  readonly modelNode?: Node;
  readonly table?: string;
  readonly schema?: string;
  readonly key?: string;
  readonly keyNode?: Node;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}
