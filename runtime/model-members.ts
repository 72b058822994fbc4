/**
 * Names every model instance already has. An attribute with one of these names would
 * shadow (or be shadowed by) the runtime's own member, so the generator refuses them in
 * YAML and renames them when introspecting. A test keeps this list equal to the real
 * members of Model.prototype and of a built instance.
 *
 * Hand-written init/define accepts an attribute named like a method (`update`), as Sequelize
 * does: it gets no accessor, and get('update')/set('update', v)/where work. Those named like
 * the instance's state (MODEL_STATE_NAMES) are refused: an accessor-less attribute there would
 * corrupt the instance.
 */
export const MODEL_MEMBER_NAMES: readonly string[] = [
  // instance state
  'dataValues',
  'isNewRecord',
  'sequelize',
  '_previousDataValues',
  '_changed',
  '_options',
  '_attributes',
  '_creationAttributes',
  // instance methods
  'changed',
  'constructor',
  'decrement',
  'destroy',
  'equals',
  'get',
  'getDataValue',
  'increment',
  'isSoftDeleted',
  'previous',
  'reload',
  'restore',
  'save',
  'set',
  'setDataValue',
  'toJSON',
  'update',
  'validate',
  'where',
];

/** The members that hold an instance's state (and `constructor`): never an attribute name. */
export const MODEL_STATE_NAMES: readonly string[] = [
  'dataValues',
  'isNewRecord',
  '_previousDataValues',
  '_changed',
  '_options',
  '_attributes',
  '_creationAttributes',
  'constructor',
];
