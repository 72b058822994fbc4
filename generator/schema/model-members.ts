import { MODEL_MEMBER_NAMES } from '../../runtime/model-members.js';

/** Model members that hold state rather than being methods; messages call them properties. */
const STATE_MEMBERS = new Set(['dataValues', 'isNewRecord', 'sequelize']);

export function isModelMember(name: string): boolean {
  return MODEL_MEMBER_NAMES.includes(name);
}

/** `the Model method save()` or `the Model property dataValues`, for collision messages. */
export function describeModelMember(name: string): string {
  return STATE_MEMBERS.has(name) || name.startsWith('_')
    ? `the Model property ${name}`
    : `the Model method ${name}()`;
}
