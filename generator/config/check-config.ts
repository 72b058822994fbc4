/**
 * Checks a configuration against config.schema.json, the schema shipped for editors, so that the
 * file and the check never disagree. Only the JSON Schema words that file uses are understood
 * (type, enum, properties, additionalProperties, required, items, anyOf); the walk is over YAML
 * nodes, so every problem points at the key or value it is about.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { didYouMean } from '../../runtime/did-you-mean.js';

export interface JsonSchema {
  readonly type?: 'object' | 'string' | 'boolean' | 'array';
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
}

export interface ConfigProblem {
  /** The node the problem is about (its position is the problem's position). */
  readonly node: Node | null;
  /** Where in the configuration, as a key path (`naming.models`): for files without positions. */
  readonly path: string;
  readonly message: string;
}

export function checkConfigNode(node: Node | null, schema: JsonSchema): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  check(node, schema, '', problems);
  return problems;
}

function check(node: Node | null, schema: JsonSchema, path: string, problems: ConfigProblem[]): void {
  if (schema.anyOf) {
    const fitting = schema.anyOf.find((option) => option.type === undefined || typeOf(node) === option.type);
    if (fitting === undefined) {
      const expected = schema.anyOf.map((option) => describe(option)).join(' or ');
      problems.push({ node, path, message: `${name(path)} must be ${expected}, not ${typeOf(node)}` });
    } else check(node, fitting, path, problems);
    return;
  }
  if (schema.enum) {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || !schema.enum.includes(value)) {
      const shown = typeof value === 'string' ? `"${value}"` : typeOf(node);
      const hint = typeof value === 'string' ? didYouMean(value, schema.enum) : '';
      problems.push({
        node,
        path,
        message: `${name(path)} must be one of ${schema.enum.join(', ')}, not ${shown}${hint}`,
      });
    }
    return;
  }
  if (schema.type !== undefined && typeOf(node) !== schema.type) {
    problems.push({ node, path, message: `${name(path)} must be ${describe(schema)}, not ${typeOf(node)}` });
    return;
  }
  if (schema.type === 'array' && isSeq(node) && schema.items) {
    node.items.forEach((item, i) => check(item as Node, schema.items!, `${path}[${i}]`, problems));
  }
  if (schema.type === 'object' && isMap(node)) checkObject(node, schema, path, problems);
}

function checkObject(node: YAMLMap, schema: JsonSchema, path: string, problems: ConfigProblem[]): void {
  const known = Object.keys(schema.properties ?? {});
  const seen = new Set<string>();
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    seen.add(key);
    const keyPath = path === '' ? key : `${path}.${key}`;
    const property = schema.properties?.[key];
    if (property) check(pair.value as Node, property, keyPath, problems);
    else if (typeof schema.additionalProperties === 'object')
      check(pair.value as Node, schema.additionalProperties, keyPath, problems);
    else if (schema.additionalProperties === false) {
      const hint = didYouMean(key, known) || `; expected one of: ${known.join(', ')}`;
      problems.push({ node: keyNode, path: keyPath, message: `unknown key "${key}" ${where(path)}${hint}` });
    }
  }
  for (const key of schema.required ?? []) {
    if (!seen.has(key)) problems.push({ node, path, message: `${name(path)} needs "${key}"` });
  }
}

function typeOf(node: Node | null): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    return typeof node.value === 'string' ? 'string' : typeof node.value === 'boolean' ? 'boolean' : 'number';
  }
  return 'empty';
}

function describe(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  if (schema.type === 'object') return 'a mapping';
  if (schema.type === 'array') return `a list${schema.items?.type ? ` of ${schema.items.type}s` : ''}`;
  if (schema.type === 'boolean') return 'true or false';
  return schema.type === 'string' ? 'a string' : 'a value';
}

const name = (path: string): string => (path === '' ? 'the configuration' : `"${path}"`);
const where = (path: string): string => (path === '' ? 'at the top level' : `in "${path}"`);
