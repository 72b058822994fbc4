/** hasOne/belongsTo/hasMany/belongsToMany: foreign keys, constraints, sync order, errors, accessors. */
import { DataTypes, planSync, type Model, type ModelStatic } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped models made with define()
type Loose = any;

let conn: TestConnection;
let User: Loose, Post: Loose, Profile: Loose, Tag: Loose, PostTag: Loose, Role: Loose;

interface ForeignKeyRow {
  table: string;
  column: string;
  references: string;
  on_delete: string;
  on_update: string;
}

async function foreignKeys(): Promise<ForeignKeyRow[]> {
  const [rows] = await conn.sequelize.query(`
    SELECT c.conrelid::regclass::text AS "table", a.attname AS "column",
           c.confrelid::regclass::text || '.' || fa.attname AS "references",
           c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
     WHERE c.contype = 'f' ORDER BY 1, 2`);
  return rows as unknown as ForeignKeyRow[];
}

beforeAll(async () => {
  conn = await openTestConnection();
  const s = conn.sequelize;
  // Defined referencing tables first: sync must still create Users before Posts.
  Post = s.define('Post', { title: DataTypes.STRING }, { timestamps: false });
  Profile = s.define('Profile', { bio: DataTypes.STRING }, { timestamps: false });
  User = s.define('User', { name: DataTypes.STRING }, { timestamps: false });
  Tag = s.define('Tag', { name: DataTypes.STRING }, { timestamps: false });
  PostTag = s.define('PostTag', { weight: DataTypes.INTEGER }, { timestamps: false });
  Role = s.define('Role', { name: DataTypes.STRING }, { timestamps: false });
  User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
  Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
  User.hasOne(Profile, { foreignKey: { name: 'userId', allowNull: false } });
  Profile.belongsTo(User, { foreignKey: 'userId' });
  Post.belongsToMany(Tag, { through: PostTag });
  Tag.belongsToMany(Post, { through: PostTag });
  User.belongsToMany(Role, { through: 'user_roles' });
  await s.sync({ force: true });
});
afterAll(() => conn.close());

test('foreign keys are added with Sequelize default names, types and actions, and sync creates them in order', async () => {
  expect(Object.keys(Post.rawAttributes)).toEqual(['id', 'title', 'authorId']);
  expect(Post.rawAttributes.authorId.type.key).toBe('INTEGER');
  expect(Object.keys(Profile.rawAttributes)).toContain('userId');
  expect(Object.keys(PostTag.rawAttributes).sort()).toEqual(['PostId', 'TagId', 'weight']);
  expect(PostTag.primaryKeyAttributes.sort()).toEqual(['PostId', 'TagId']);
  expect(conn.sequelize.models.user_roles).toBeDefined();
  expect(Object.keys(conn.sequelize.models.user_roles.rawAttributes).sort()).toEqual([
    'RoleId',
    'UserId',
    'createdAt',
    'updatedAt',
  ]);
  // confdeltype: a = NO ACTION, c = CASCADE, n = SET NULL.
  expect(await foreignKeys()).toEqual([
    { table: '"PostTags"', column: 'PostId', references: '"Posts".id', on_delete: 'c', on_update: 'c' },
    { table: '"PostTags"', column: 'TagId', references: '"Tags".id', on_delete: 'c', on_update: 'c' },
    // hasMany was first on authorId: its SET NULL (nullable) stays, as Sequelize.
    { table: '"Posts"', column: 'authorId', references: '"Users".id', on_delete: 'n', on_update: 'c' },
    // NOT NULL key of hasOne: CASCADE.
    { table: '"Profiles"', column: 'userId', references: '"Users".id', on_delete: 'c', on_update: 'c' },
    { table: 'user_roles', column: 'RoleId', references: '"Roles".id', on_delete: 'c', on_update: 'c' },
    { table: 'user_roles', column: 'UserId', references: '"Users".id', on_delete: 'c', on_update: 'c' },
  ]);
});

test('association objects and Model.associations, keyed by alias', () => {
  expect(Object.keys(User.associations).sort()).toEqual(['Profile', 'Roles', 'posts']);
  const posts = User.associations.posts;
  expect(posts.associationType).toBe('HasMany');
  expect(posts.foreignKey).toBe('authorId');
  expect(posts.identifierField).toBe('authorId');
  expect(posts.sourceKey).toBe('id');
  expect(posts.accessors).toEqual({
    get: 'getPosts',
    set: 'setPosts',
    addMultiple: 'addPosts',
    add: 'addPost',
    create: 'createPost',
    remove: 'removePost',
    removeMultiple: 'removePosts',
    hasSingle: 'hasPost',
    hasAll: 'hasPosts',
    count: 'countPosts',
  });
  expect(Post.associations.author.targetKey).toBe('id');
  expect(Post.associations.author.accessors).toEqual({
    get: 'getAuthor',
    set: 'setAuthor',
    create: 'createAuthor',
  });
  expect(Post.associations.Tags.through.model).toBe(PostTag);
  expect(Post.associations.Tags.otherKey).toBe('TagId');
});

test('an attribute the model already declares is reused: no second column, the constraint added', async () => {
  const s = conn.sequelize;
  const Team = s.define('Team', { name: DataTypes.STRING }, { timestamps: false });
  const Player = s.define(
    'Player',
    { team_id: { type: DataTypes.INTEGER, allowNull: false, field: 'team_id' } },
    { timestamps: false },
  );
  (Player as Loose).belongsTo(Team, { as: 'team', foreignKey: 'team_id' });
  expect(Object.keys(Player.rawAttributes)).toEqual(['id', 'team_id']);
  expect(Player.rawAttributes.team_id.allowNull).toBe(false);
  await Team.sync();
  await Player.sync();
  const fk = (await foreignKeys()).find((row) => row.table === '"Players"');
  // belongsTo on a NOT NULL key: NO ACTION.
  expect(fk).toEqual({
    table: '"Players"',
    column: 'team_id',
    references: '"Teams".id',
    on_delete: 'a',
    on_update: 'c',
  });
});

test('constraints: false adds the column without REFERENCES; sync({ alter }) plans a new foreign key', async () => {
  const s = conn.sequelize;
  const Desk = s.define('Desk', {}, { timestamps: false });
  const Chair = s.define('Chair', {}, { timestamps: false });
  (Chair as Loose).belongsTo(Desk, { constraints: false });
  await Desk.sync();
  await Chair.sync();
  expect(Object.keys(Chair.rawAttributes)).toEqual(['id', 'DeskId']);
  expect((await foreignKeys()).some((row) => row.table === '"Chairs"')).toBe(false);
  const Lamp = s.define('Lamp', {}, { timestamps: false });
  await Lamp.sync();
  (Lamp as Loose).belongsTo(Desk, { onDelete: 'CASCADE' });
  const plan = await planSync(Lamp as ModelStatic<Model>);
  expect(plan.steps.map((step) => step.kind)).toEqual(plan.steps.map(() => 'safe'));
  expect(plan.steps.length).toBeGreaterThan(0);
  await s.sync({ alter: true });
  expect((await foreignKeys()).find((row) => row.table === '"Lamps"')).toEqual({
    table: '"Lamps"',
    column: 'DeskId',
    references: '"Desks".id',
    on_delete: 'c',
    on_update: 'c',
  });
});

test('errors as Sequelize names them, before any query', () => {
  const s = conn.sequelize;
  const A: Loose = s.define('A', {}, { timestamps: false });
  const B: Loose = s.define('B', { owner: DataTypes.STRING }, { timestamps: false });
  A.hasMany(B, { as: 'bs' });
  expect(() => A.hasMany(B, { as: 'bs' })).toThrow(
    expect.objectContaining({
      name: 'SequelizeAssociationError',
      message:
        'You have used the alias bs in two separate associations. Aliased associations must have unique aliases.',
    }),
  );
  expect(() => B.belongsTo(A, { as: 'owner' })).toThrow(
    "Naming collision between attribute 'owner' and association 'owner' on model B",
  );
  expect(() => A.belongsTo({})).toThrow(
    "A.belongsTo called with something that's not a subclass of Sequelize.Model",
  );
  expect(() => A.belongsToMany(B, {})).toThrow('A.belongsToMany(B) requires through option');
  expect(() => A.belongsToMany(A, { through: 'a_a' })).toThrow(
    "'as' must be defined for many-to-many self-associations",
  );
  expect(() => A.hasMany(B, { as: 'others', foreignKy: 'x' })).toThrow('did you mean "foreignKey"?');
  expect(() => A.hasMany(B, { as: 'others2', scope: { kind: 'x' } })).toThrow(
    'option "scope" (association scopes)',
  );
});

test('belongsTo accessors: get (null without a query), set with an instance, a key or null, create', async () => {
  const ann = await User.create({ name: 'ann' });
  const bob = await User.create({ name: 'bob' });
  const post = await Post.create({ title: 'p' });
  conn.statements.length = 0;
  expect(await post.getAuthor()).toBeNull();
  expect(conn.statements).toEqual([]);
  await post.setAuthor(ann);
  expect((await Post.findByPk(post.id)).authorId).toBe(ann.id);
  const author = await post.getAuthor();
  expect(author).toBeInstanceOf(User);
  expect(author.name).toBe('ann');
  await post.setAuthor(bob.id);
  expect((await post.getAuthor()).name).toBe('bob');
  await post.setAuthor(null);
  expect((await Post.findByPk(post.id)).authorId).toBeNull();
  post.setAuthor(ann, { save: false });
  expect(post.authorId).toBe(ann.id);
  const created = await post.createAuthor({ name: 'cy' });
  expect(created).toBeInstanceOf(User);
  expect((await Post.findByPk(post.id)).authorId).toBe(created.id);
});

test('hasOne accessors: get, set (the previous one let go), create', async () => {
  const user = await User.create({ name: 'dee' });
  expect(await user.getProfile()).toBeNull();
  const profile = await user.createProfile({ bio: 'first' });
  expect(profile.userId).toBe(user.id);
  expect((await user.getProfile()).bio).toBe('first');
  const other = await User.create({ name: 'eve' });
  await other.setProfile(profile);
  expect(await user.getProfile()).toBeNull();
  expect((await other.getProfile()).id).toBe(profile.id);
});

test('hasMany accessors: get/count/has/add/remove/set/create', async () => {
  const user = await User.create({ name: 'fay' });
  // One after the other: the ids then follow the titles (concurrent inserts on a pool need not).
  const p1 = await Post.create({ title: '1' });
  const p2 = await Post.create({ title: '2' });
  const p3 = await Post.create({ title: '3' });
  await user.addPosts([p1, p2.id]);
  expect((await user.getPosts({ order: [['id', 'ASC']] })).map((p: Loose) => p.id)).toEqual([p1.id, p2.id]);
  expect(await user.countPosts()).toBe(2);
  expect(await user.countPosts({ where: { title: '1' } })).toBe(1);
  expect(await user.hasPost(p1)).toBe(true);
  expect(await user.hasPosts([p1, p3])).toBe(false);
  await user.addPost(p3);
  expect(await user.hasPosts([p1, p2, p3])).toBe(true);
  await user.removePost(p2);
  expect((await Post.findByPk(p2.id)).authorId).toBeNull();
  await user.setPosts([p2, p3]);
  expect((await user.getPosts({ order: [['id', 'ASC']] })).map((p: Loose) => p.id)).toEqual([p2.id, p3.id]);
  const created = await user.createPost({ title: 'new' });
  expect(created.authorId).toBe(user.id);
  expect(await user.countPosts()).toBe(3);
  const got = await user.getPosts({ where: { title: 'new' }, attributes: ['id', 'title', 'authorId'] });
  expect(got.map((p: Loose) => p.title)).toEqual(['new']);
});

test('belongsToMany accessors: through rows with their values, has/count/remove/set/create', async () => {
  const post = await Post.create({ title: 'tagged' });
  const [js, db, ts] = await Promise.all(['js', 'db', 'ts'].map((name) => Tag.create({ name })));
  await post.addTag(js, { through: { weight: 9 } });
  await post.addTags([db.id]);
  const tags = await post.getTags({ order: [['name', 'ASC']] });
  expect(tags.map((t: Loose) => t.name)).toEqual(['db', 'js']);
  expect(tags[1]).toBeInstanceOf(Tag);
  expect(tags[1].PostTag).toBeInstanceOf(PostTag);
  expect(tags[1].PostTag.weight).toBe(9);
  expect(tags[1].toJSON().PostTag).toEqual({ weight: 9, PostId: post.id, TagId: js.id });
  expect(await post.countTags()).toBe(2);
  expect(await post.hasTag(js)).toBe(true);
  expect(await post.hasTags([js, ts])).toBe(false);
  await post.addTag(js, { through: { weight: 3 } });
  expect((await PostTag.findOne({ where: { PostId: post.id, TagId: js.id } })).weight).toBe(3);
  await post.removeTag(db);
  expect(await post.countTags()).toBe(1);
  await post.setTags([db, ts]);
  expect((await post.getTags({ order: [['name', 'ASC']] })).map((t: Loose) => t.name)).toEqual(['db', 'ts']);
  const created = await post.createTag({ name: 'new' }, { through: { weight: 1 } });
  expect(await post.hasTag(created)).toBe(true);
  expect(await js.getPosts()).toEqual([]);
  expect((await db.getPosts()).map((p: Loose) => p.id)).toEqual([post.id]);
  // A table-name through: a defined model with timestamps.
  const user = await User.create({ name: 'gus' });
  const role = await Role.create({ name: 'admin' });
  await user.addRole(role);
  expect((await user.getRoles()).map((r: Loose) => r.name)).toEqual(['admin']);
  expect((await user.getRoles())[0].user_roles.createdAt).toBeInstanceOf(Date);
});
