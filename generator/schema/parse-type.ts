import type { DataTypeIR } from '../ir.js';
import { closestMatch } from '../../runtime/did-you-mean.js';
import { TYPE_ALIASES, TYPE_NAMES, TYPE_SPECS, type TypeArg, type TypeCall } from './type-specs.js';
import { TypeSyntaxError, tokenizeType, type TypeToken } from './type-tokens.js';

export type ParsedType =
  | { readonly ok: true; readonly type: DataTypeIR }
  /** `offset` is where in the text the problem is. */
  | { readonly ok: false; readonly message: string; readonly offset: number };

/**
 * Parses a type as written in the schema: `STRING`, `STRING(100).BINARY`, `TEXT('tiny')`,
 * `DECIMAL(10, 2)`, `ENUM('a', 'b')`, `ARRAY(ARRAY(INTEGER))`, `CUSTOM('interval')`...
 * An `ENUM` without parentheses comes back with no values; the attribute's `values:` fills them.
 */
export function parseType(text: string): ParsedType {
  try {
    const parser = new TypeParser(text, tokenizeType(text));
    return { ok: true, type: parser.parseWhole() };
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    return { ok: false, message: error.message, offset: error.offset };
  }
}

/** Recursive descent over the tokens: type := NAME [ '(' arg {',' arg} ')' ] { '.' MODIFIER }. */
class TypeParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly TypeToken[],
  ) {}

  parseWhole(): DataTypeIR {
    if (this.peek().kind === 'end')
      throw new TypeSyntaxError(`the type is empty; write one of ${TYPE_NAMES.join(', ')}`, 0);
    const type = this.parseType();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      throw new TypeSyntaxError(`unexpected "${rest.text}" after the type in "${this.text}"`, rest.offset);
    }
    return type;
  }

  private parseType(): DataTypeIR {
    const nameToken = this.next();
    if (nameToken.kind !== 'name') {
      throw new TypeSyntaxError(
        `expected a type name, got "${nameToken.text || 'the end'}" in "${this.text}"`,
        nameToken.offset,
      );
    }
    const spec = TYPE_SPECS[nameToken.text];
    if (spec === undefined) throw unknownType(nameToken);
    const { args, endOffset } = this.parseArgs(nameToken, spec.takesType ?? false);
    const modifiers = this.parseModifiers(nameToken.text, spec.modifiers ?? [], spec.usage);
    const call: TypeCall = { name: nameToken.text, args, modifiers, endOffset };
    try {
      return spec.build(call);
    } catch (error) {
      if (!(error instanceof TypeSyntaxError) || error.complete) throw error;
      throw new TypeSyntaxError(`${error.message}; write ${spec.usage}`, error.offset, true);
    }
  }

  private parseArgs(
    nameToken: TypeToken,
    takesType: boolean,
  ): { args: TypeArg[] | undefined; endOffset: number } {
    if (!this.accept('(')) return { args: undefined, endOffset: nameToken.offset + nameToken.text.length };
    const args: TypeArg[] = [];
    if (this.peek().text === ')') return { args, endOffset: this.next().offset };
    do {
      args.push(this.parseArg(takesType));
    } while (this.accept(','));
    const close = this.next();
    if (close.text !== ')') {
      throw new TypeSyntaxError(
        `expected "," or ")" after the arguments of ${nameToken.text}, got "${close.text || 'the end'}"`,
        close.offset,
      );
    }
    return { args, endOffset: close.offset };
  }

  private parseArg(takesType: boolean): TypeArg {
    const token = this.peek();
    if (token.kind === 'number' || token.kind === 'string') {
      this.position++;
      return token;
    }
    if (token.kind === 'name' && !takesType) {
      this.position++;
      return { kind: 'word', text: token.text, offset: token.offset };
    }
    const start = token.offset;
    const type = this.parseType();
    const end = this.peek().offset;
    return { kind: 'type', type, text: this.text.slice(start, end).trim(), offset: start };
  }

  private parseModifiers(typeName: string, allowed: readonly string[], usage: string): string[] {
    const modifiers: string[] = [];
    while (this.accept('.')) {
      const modifier = this.next();
      if (modifier.kind !== 'name' || !allowed.includes(modifier.text)) {
        const known = allowed.length > 0 ? `write ${usage}` : `${typeName} has no modifiers`;
        throw new TypeSyntaxError(
          `unknown modifier ".${modifier.text}" on ${typeName}; ${known}`,
          modifier.offset,
        );
      }
      modifiers.push(modifier.text);
    }
    return modifiers;
  }

  private peek(): TypeToken {
    return this.tokens[this.position]!;
  }

  private next(): TypeToken {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private accept(punctuation: string): boolean {
    if (this.peek().kind !== 'punctuation' || this.peek().text !== punctuation) return false;
    this.position++;
    return true;
  }
}

function unknownType(token: TypeToken): TypeSyntaxError {
  const suggestion = TYPE_ALIASES[token.text.toUpperCase()] ?? closestMatch(token.text, TYPE_NAMES);
  const hint =
    suggestion === undefined ? `; expected one of ${TYPE_NAMES.join(', ')}` : `; did you mean ${suggestion}?`;
  return new TypeSyntaxError(`unknown type "${token.text}"${hint}`, token.offset);
}

/** The usage line of a type name, for messages that explain how to write it. */
export function typeUsage(name: string): string | undefined {
  return TYPE_SPECS[name]?.usage;
}
