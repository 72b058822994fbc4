import { isIncluded } from '../../../generator/introspect/name-patterns.js';
import {
  IntrospectionError,
  toIntrospectionError,
} from '../../../generator/introspect/introspection-error.js';

describe('introspection errors', () => {
  it('says a refused connection in one line', () => {
    const error = toIntrospectionError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' }),
    );
    expect(error).toBeInstanceOf(IntrospectionError);
    expect(error.code).toBe('connection');
    expect(error.message).toBe('cannot connect to the database: connect ECONNREFUSED 127.0.0.1:5999');
  });

  it('says a permission error in one line', () => {
    const error = toIntrospectionError(
      Object.assign(new Error('permission denied for table x\nDETAIL: more'), { code: '42501' }),
    );
    expect(error.code).toBe('permission');
    expect(error.message).not.toContain('\n');
  });
});

describe('include/exclude patterns', () => {
  it('matches schema.table or table with * and ?', () => {
    expect(isIncluded('sales', 'orders', ['sales.*'], undefined)).toBe(true);
    expect(isIncluded('hr', 'orders', ['sales.*'], undefined)).toBe(false);
    expect(isIncluded('hr', 'audit_log', undefined, ['*_log'])).toBe(false);
    expect(isIncluded('hr', 'job', ['jo?'], [])).toBe(true);
  });
});
