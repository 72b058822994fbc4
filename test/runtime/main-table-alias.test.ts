/**
 * The finders alias the main table by the model name, as Sequelize (`FROM "Posts" AS "Post"`), so the
 * everyday correlated-subquery literal `(SELECT count(*) ... WHERE c."PostId" = "Post"."id")` works in
 * attributes, where and order, with and without include; UPDATE and DELETE are not aliased (as Sequelize).
 */
import { DataTypes, Op, literal } from '../../runtime/index.js';
import { openTestConnection, sqlOf, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped models made with define()
type Loose = any;

let conn: TestConnection;
let User: Loose, Post: Loose, Comment: Loose, Tag: Loose, PostTag: Loose;

const commentCount = literal('(SELECT count(*)::int FROM "Comments" AS c WHERE c."PostId" = "Post"."id")');

beforeAll(async () => {
  conn = await openTestConnection();
  const s = conn.sequelize;
  User = s.define('User', { name: DataTypes.STRING }, { timestamps: false });
  Post = s.define('Post', { title: DataTypes.STRING, rank: DataTypes.INTEGER }, { timestamps: false });
  Comment = s.define('Comment', { body: DataTypes.STRING }, { timestamps: false });
  Tag = s.define('Tag', { name: DataTypes.STRING }, { timestamps: false });
  PostTag = s.define('PostTag', { weight: DataTypes.INTEGER }, { timestamps: false });
  User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
  Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
  Post.hasMany(Comment);
  Post.belongsToMany(Tag, { through: PostTag, as: 'tags' });
  Tag.belongsToMany(Post, { through: PostTag, as: 'posts' });
  await s.sync({ force: true });
  const ann = await User.create({ name: 'ann' });
  const bob = await User.create({ name: 'bob' });
  const p1 = await Post.create({ title: 'p1', rank: 1, authorId: ann.id });
  const p2 = await Post.create({ title: 'p2', rank: 5, authorId: ann.id });
  await Post.create({ title: 'p3', rank: 3, authorId: bob.id });
  await Comment.bulkCreate([{ PostId: p1.id }, { PostId: p1.id }, { PostId: p2.id }]);
  const js = await Tag.create({ name: 'js' });
  await PostTag.create({ PostId: p1.id, TagId: js.id, weight: 2 });
});
afterAll(() => conn.close());

test('a literal naming "Post"."id" works in attributes, where and order of findAll/findOne/findByPk', async () => {
  const posts = await Post.findAll({
    attributes: ['title', [commentCount, 'comments']],
    where: literal('"Post"."rank" < 5'),
    order: [[commentCount, 'DESC']],
  });
  expect(posts.map((p: Loose) => [p.title, p.get('comments')])).toEqual([
    ['p1', 2],
    ['p3', 0],
  ]);
  const one = await Post.findOne({ where: { title: 'p2' }, attributes: ['id', [commentCount, 'comments']] });
  expect(one.get('comments')).toBe(1);
  const byPk = await Post.findByPk(one.id, { attributes: ['id', [literal('"Post"."rank" * 10'), 'x']] });
  expect(byPk.get('x')).toBe(50);
  await byPk.reload();
  expect(byPk.title).toBe('p2');
});

test('count, aggregates and findAndCountAll take the alias too', async () => {
  expect(await Post.count({ where: literal('"Post"."rank" > 1') })).toBe(2);
  expect(await Post.max('rank', { where: literal('"Post"."title" <> \'p2\'') })).toBe(3);
  const { count, rows } = await Post.findAndCountAll({
    where: literal('(SELECT count(*) FROM "Comments" AS c WHERE c."PostId" = "Post"."id") > 0'),
  });
  expect([count, rows.length]).toEqual([2, 2]);
});

test('with include: the literal in attributes, where and order of the main model', async () => {
  const posts = await Post.findAll({
    include: ['tags', 'author'],
    attributes: ['id', 'title', [commentCount, 'comments'], [literal('"Post"."id" * 10'), 'x']],
    where: literal('"Post"."rank" <= 3'),
    order: [[commentCount, 'DESC']],
  });
  expect(posts.map((p: Loose) => [p.title, p.get('comments'), p.author.name, p.tags.length])).toEqual([
    ['p1', 2, 'ann', 1],
    ['p3', 0, 'bob', 0],
  ]);
  expect(posts[0].get('x')).toBe(posts[0].id * 10);
  const required = await Post.findAll({
    include: [{ association: 'tags', where: { name: 'js' } }],
    where: literal('"Post"."rank" >= 1'),
  });
  expect(required.map((p: Loose) => p.title)).toEqual(['p1']);
  const users = await User.findAll({
    include: [{ association: 'posts', where: { rank: { [Op.gt]: 2 } } }],
    attributes: [
      'name',
      [literal('(SELECT count(*)::int FROM "Posts" AS p WHERE p."authorId" = "User"."id")'), 'n'],
    ],
    order: [['name', 'ASC']],
  });
  expect(users.map((u: Loose) => [u.name, u.get('n'), u.posts.length])).toEqual([
    ['ann', 2, 1],
    ['bob', 1, 1],
  ]);
  expect(await User.count({ include: ['posts'], where: literal('"User"."name" = \'ann\'') })).toBe(1);
});

test('UPDATE and DELETE are not aliased (as Sequelize): a literal names the table', async () => {
  conn.statements.length = 0;
  const [n] = await Post.update({ rank: 9 }, { where: literal('"Posts"."title" = \'p3\'') });
  expect(n).toBe(1);
  expect(await Comment.destroy({ where: literal('"Comments"."PostId" IS NULL') })).toBe(0);
  expect(sqlOf(conn.statements[0])).toMatch(/^UPDATE "Posts" SET/);
  expect(sqlOf(conn.statements[1])).toMatch(/^DELETE FROM "Comments" WHERE/);
});
