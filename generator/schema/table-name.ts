/** The loader resolves names with the runtime's own rules, so the IR says what Model.init would do. */
export { inferColumnName, inferTableName } from '../../runtime/naming.js';
