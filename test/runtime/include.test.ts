/** include on the finders: joined single associations, one query per multiple association, nested, filters, order, limit. */
import { DataTypes, Op, col, fn } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped models made with define()
type Loose = any;

let conn: TestConnection;
let User: Loose, Post: Loose, Comment: Loose, Profile: Loose, Tag: Loose, PostTag: Loose, Company: Loose;
let ann: Loose, bob: Loose, cy: Loose;

beforeAll(async () => {
  conn = await openTestConnection();
  const s = conn.sequelize;
  Company = s.define('Company', { name: DataTypes.STRING }, { timestamps: false });
  User = s.define('User', { name: DataTypes.STRING }, { timestamps: false });
  Profile = s.define('Profile', { bio: DataTypes.STRING }, { timestamps: false });
  Post = s.define('Post', { title: DataTypes.STRING, rank: DataTypes.INTEGER }, { timestamps: false });
  Comment = s.define('Comment', { body: DataTypes.STRING }, { timestamps: false });
  Tag = s.define('Tag', { name: DataTypes.STRING }, { timestamps: false });
  PostTag = s.define('PostTag', { weight: DataTypes.INTEGER }, { timestamps: false });
  User.belongsTo(Company, { as: 'company' });
  User.hasOne(Profile);
  User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
  Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
  User.hasMany(Post, { as: 'edited', foreignKey: 'editorId' });
  Post.hasMany(Comment);
  Comment.belongsTo(Post);
  Comment.belongsTo(User, { as: 'commenter' });
  Post.belongsToMany(Tag, { through: PostTag, as: 'tags' });
  Tag.belongsToMany(Post, { through: PostTag, as: 'posts' });
  await s.sync({ force: true });
  const acme = await Company.create({ name: 'acme' });
  ann = await User.create({ name: 'ann', companyId: acme.id });
  bob = await User.create({ name: 'bob' });
  cy = await User.create({ name: 'cy', companyId: acme.id });
  await Profile.create({ bio: 'ann bio', UserId: ann.id });
  const p1 = await Post.create({ title: 'p1', rank: 1, authorId: ann.id, editorId: bob.id });
  const p2 = await Post.create({ title: 'p2', rank: 5, authorId: ann.id });
  const p3 = await Post.create({ title: 'p3', rank: 3, authorId: bob.id });
  await Comment.create({ body: 'c1', PostId: p1.id, commenterId: bob.id });
  await Comment.create({ body: 'c2', PostId: p1.id, commenterId: cy.id });
  await Comment.create({ body: 'c3', PostId: p3.id });
  const [js, db] = await Promise.all([Tag.create({ name: 'js' }), Tag.create({ name: 'db' })]);
  await PostTag.create({ PostId: p1.id, TagId: js.id, weight: 2 });
  await PostTag.create({ PostId: p1.id, TagId: db.id, weight: 7 });
  await PostTag.create({ PostId: p2.id, TagId: js.id, weight: 1 });
});
afterAll(() => conn.close());

const names = (list: Loose[]): string[] => list.map((x) => x.name ?? x.title ?? x.body);

test('a belongsTo include: instances of the target, null when the key is null, in toJSON too', async () => {
  const posts = await Post.findAll({ include: [{ model: User, as: 'author' }], order: [['id', 'ASC']] });
  expect(posts.map((p: Loose) => p.author.name)).toEqual(['ann', 'ann', 'bob']);
  expect(posts[0].author).toBeInstanceOf(User);
  expect(posts[0].get('author')).toBe(posts[0].author);
  const users = await User.findAll({ include: ['company', Profile], order: [['name', 'ASC']] });
  expect(users.map((u: Loose) => u.company?.name ?? null)).toEqual(['acme', null, 'acme']);
  expect(users[0].Profile.bio).toBe('ann bio');
  expect(users[1].Profile).toBeNull();
  expect(users[1].toJSON()).toEqual({
    id: bob.id,
    name: 'bob',
    companyId: null,
    company: null,
    Profile: null,
  });
  expect(JSON.parse(JSON.stringify(users[0]))).toEqual({
    id: ann.id,
    name: 'ann',
    companyId: users[0].companyId,
    company: { id: users[0].companyId, name: 'acme' },
    Profile: { id: users[0].Profile.id, bio: 'ann bio', UserId: ann.id },
  });
  expect(users[0].get({ plain: true }).company).toEqual({ id: users[0].companyId, name: 'acme' });
});

test('a hasMany include is one more query whatever the number of rows; lists are [] when empty', async () => {
  conn.statements.length = 0;
  const users = await User.findAll({ include: [{ model: Post, as: 'posts' }], order: [['name', 'ASC']] });
  expect(conn.statements).toHaveLength(2);
  expect(users.map((u: Loose) => names(u.posts).sort())).toEqual([['p1', 'p2'], ['p3'], []]);
  expect(users[0].posts[0]).toBeInstanceOf(Post);
  expect(
    users[0]
      .toJSON()
      .posts.map((p: Loose) => p.title)
      .sort(),
  ).toEqual(['p1', 'p2']);
});

test('nested to any depth, with the query count set by the shape only', async () => {
  const include = [
    {
      model: Post,
      as: 'posts',
      include: [
        { model: Comment, include: [{ model: User, as: 'commenter', include: ['company'] }] },
        'tags',
      ],
    },
    'company',
  ];
  conn.statements.length = 0;
  const users = await User.findAll({ include, order: [['name', 'ASC']] });
  // users+company, posts, comments+commenter+company, tags.
  expect(conn.statements).toHaveLength(4);
  const p1 = users[0].posts.find((p: Loose) => p.title === 'p1');
  expect(names(p1.Comments).sort()).toEqual(['c1', 'c2']);
  const c2 = p1.Comments.find((c: Loose) => c.body === 'c2');
  expect(c2.commenter.name).toBe('cy');
  expect(c2.commenter.company.name).toBe('acme');
  expect(p1.Comments.find((c: Loose) => c.body === 'c1').commenter.company).toBeNull();
  expect(names(p1.tags).sort()).toEqual(['db', 'js']);
  expect(p1.tags.find((t: Loose) => t.name === 'db').PostTag.weight).toBe(7);
  const plain = users[0].get({ plain: true });
  expect(plain.posts.find((p: Loose) => p.title === 'p1').Comments.length).toBe(2);
  expect(
    JSON.parse(JSON.stringify(users[0])).posts.find((p: Loose) => p.title === 'p1').tags[0].PostTag,
  ).toEqual(expect.objectContaining({ PostId: p1.id }));
});

test('required and where: inner join for single, EXISTS for multiple (parents filtered, children too)', async () => {
  const withCompany = await User.findAll({ include: [{ association: 'company', required: true }] });
  expect(names(withCompany).sort()).toEqual(['ann', 'cy']);
  const acme = await User.findAll({ include: [{ association: 'company', where: { name: 'nope' } }] });
  expect(acme).toEqual([]);
  const ranked = await User.findAll({
    include: [{ model: Post, as: 'posts', where: { rank: { [Op.gt]: 2 } } }],
    order: [['name', 'ASC']],
  });
  expect(names(ranked)).toEqual(['ann', 'bob']);
  expect(ranked.map((u: Loose) => names(u.posts))).toEqual([['p2'], ['p3']]);
  const optional = await User.findAll({
    include: [{ model: Post, as: 'posts', where: { rank: { [Op.gt]: 2 } }, required: false }],
    order: [['name', 'ASC']],
  });
  expect(optional.map((u: Loose) => names(u.posts))).toEqual([['p2'], ['p3'], []]);
  const anyPosts = await User.findAll({ include: [{ model: Post, as: 'posts', required: true }] });
  expect(names(anyPosts).sort()).toEqual(['ann', 'bob']);
  // A required grandchild: only posts with comments, only users with such posts.
  const commented = await User.findAll({
    include: [{ model: Post, as: 'posts', include: [{ model: Comment, required: true }] }],
    order: [['name', 'ASC']],
  });
  expect(commented.map((u: Loose) => names(u.posts))).toEqual([['p1'], ['p3'], []]);
  const tagged = await Post.findAll({ include: [{ association: 'tags', where: { name: 'db' } }] });
  expect(names(tagged)).toEqual(['p1']);
  expect(names(tagged[0].tags)).toEqual(['db']);
  const heavy = await Post.findAll({
    include: [{ association: 'tags', through: { where: { weight: { [Op.gte]: 2 } } }, required: true }],
  });
  expect(names(heavy)).toEqual(['p1']);
  // A required belongsTo under an optional one empties only its parent (LEFT JOIN (a INNER JOIN b)).
  const comments = await Comment.findAll({
    include: [{ model: User, as: 'commenter', include: [{ association: 'company', required: true }] }],
    order: [['body', 'ASC']],
  });
  expect(names(comments)).toEqual(['c1', 'c2', 'c3']);
  expect(comments.map((c: Loose) => c.commenter?.name ?? null)).toEqual([null, 'cy', null]);
});

test('attributes, through attributes, and keys read for joining left out of the results', async () => {
  const users = await User.findAll({
    attributes: ['name'],
    include: [
      { model: Post, as: 'posts', attributes: ['title'] },
      { association: 'company', attributes: ['name'] },
    ],
    order: [['name', 'ASC']],
  });
  expect(users[0].toJSON()).toEqual({ name: 'ann', company: { name: 'acme' }, posts: expect.any(Array) });
  expect(users[0].toJSON().posts.map((p: Loose) => Object.keys(p))).toEqual([['title'], ['title']]);
  const posts = await Post.findAll({
    where: { title: 'p1' },
    include: [{ association: 'tags', through: { attributes: ['weight'] } }],
  });
  expect(posts[0].tags.map((t: Loose) => t.PostTag.toJSON())).toEqual(
    expect.arrayContaining([{ weight: 2 }, { weight: 7 }]),
  );
  const bare = await Post.findAll({
    where: { title: 'p1' },
    include: [{ association: 'tags', through: { attributes: [] } }],
  });
  expect(bare[0].tags[0].PostTag).toBeUndefined();
});

test('order on included columns, limit limiting the parents, findOne/findByPk/findAndCountAll/count', async () => {
  const byAuthor = await Post.findAll({
    include: [{ model: User, as: 'author' }],
    order: [
      [{ model: User, as: 'author' }, 'name', 'DESC'],
      ['id', 'ASC'],
    ],
  });
  expect(names(byAuthor)).toEqual(['p3', 'p1', 'p2']);
  const users = await User.findAll({
    include: [{ model: Post, as: 'posts' }],
    order: [
      ['name', 'ASC'],
      [{ model: Post, as: 'posts' }, 'rank', 'DESC'],
    ],
    limit: 1,
  });
  expect(names(users)).toEqual(['ann']);
  expect(names(users[0].posts)).toEqual(['p2', 'p1']);
  const asc = await User.findAll({
    where: { id: ann.id },
    include: [{ model: Post, as: 'posts' }],
    order: [['posts', 'rank', 'ASC']],
  });
  expect(names(asc[0].posts)).toEqual(['p1', 'p2']);
  // The model class alone names the association when it is the only one to that model.
  const byComment = await Post.findAll({
    where: { id: asc[0].posts[0].id },
    include: [Comment],
    order: [[Comment, 'body', 'DESC']],
  });
  expect(names(byComment[0].Comments)).toEqual(['c2', 'c1']);
  const byCommentAsc = await Post.findAll({
    where: { id: asc[0].posts[0].id },
    include: [Comment],
    order: [[Comment, 'body']],
  });
  expect(names(byCommentAsc[0].Comments)).toEqual(['c1', 'c2']);
  const separate = await User.findAll({
    where: { id: ann.id },
    include: [{ model: Post, as: 'posts', separate: true, order: [['rank', 'DESC']] }],
  });
  expect(names(separate[0].posts)).toEqual(['p2', 'p1']);
  // An expression orders by the model's own columns, though every joined table has an id too.
  const byExpression = await Post.findAll({
    include: [{ model: User, as: 'author', include: ['company'] }],
    order: [
      [fn('lower', col('title')), 'DESC'],
      [col('id'), 'ASC'],
    ],
  });
  expect(names(byExpression)).toEqual(['p3', 'p2', 'p1']);
  await expect(User.findAll({ include: ['posts'], order: [['nope', 'ASC']] })).rejects.toThrow(
    'Unknown attribute "nope" in order of model User',
  );
  const one = await User.findOne({ where: { name: 'ann' }, include: ['posts'] });
  expect(names(one.posts).sort()).toEqual(['p1', 'p2']);
  const byPk = await User.findByPk(bob.id, { include: [{ model: Post, as: 'edited' }] });
  expect(names(byPk.edited)).toEqual(['p1']);
  const page = await User.findAndCountAll({
    include: [{ model: Post, as: 'posts', required: true }],
    limit: 1,
    order: [['name', 'ASC']],
  });
  expect(page.count).toBe(2);
  expect(names(page.rows)).toEqual(['ann']);
  expect(await User.count({ include: [{ model: Post, as: 'posts' }] })).toBe(3);
  expect(await User.count({ include: [{ model: Post, as: 'posts', where: { rank: 5 } }] })).toBe(1);
  expect(await User.count({ include: [{ association: 'company', required: true }] })).toBe(2);
});

test('errors as Sequelize names them, before any query; unknown include keys with a did-you-mean', async () => {
  conn.statements.length = 0;
  await expect(User.findAll({ include: [Tag] })).rejects.toThrow(
    expect.objectContaining({
      name: 'SequelizeEagerLoadingError',
      message: 'Tag is not associated to User!',
    }),
  );
  await expect(User.findAll({ include: [Post] })).rejects.toThrow(
    'Post is associated to User multiple times.',
  );
  await expect(User.findAll({ include: [Company] })).rejects.toThrow(
    "Company is associated to User using an alias. You must use the 'as' keyword to specify the alias within your include statement.",
  );
  await expect(User.findAll({ include: [{ model: Company, as: 'firm' }] })).rejects.toThrow(
    "You've included an alias (firm), but it does not match the alias(es) defined in your association (company).",
  );
  await expect(User.findAll({ include: ['zzz'] })).rejects.toThrow(
    'Association with alias "zzz" does not exist on User',
  );
  await expect(User.findAll({ include: [undefined] })).rejects.toThrow('Include unexpected.');
  await expect(User.findAll({ include: [{ association: 'posts', requird: true }] })).rejects.toThrow(
    'did you mean "required"?',
  );
  await expect(User.findAll({ include: [{ association: 'posts', right: true }] })).rejects.toThrow(
    'option "right" (RIGHT OUTER JOIN)',
  );
  await expect(User.findAll({ include: [{ association: 'company', separate: true }] })).rejects.toThrow(
    'Only HasMany associations support include.separate',
  );
  await expect(User.findAll({ include: ['posts'], raw: true })).rejects.toThrow(
    'option "raw" together with include',
  );
  expect(conn.statements).toEqual([]);
});

test('self-references and two keys to one table, as generated code declares them', async () => {
  const s = conn.sequelize;
  const Employee: Loose = s.define(
    'Employee',
    { name: DataTypes.STRING, managerId: { type: DataTypes.INTEGER, field: 'manager_id' } },
    { timestamps: false },
  );
  Employee.belongsTo(Employee, { as: 'manager', foreignKey: 'managerId' });
  Employee.hasMany(Employee, { as: 'reports', foreignKey: 'managerId' });
  const Review: Loose = s.define('Review', { note: DataTypes.STRING }, { timestamps: false });
  Review.belongsTo(Employee, { as: 'author', foreignKey: 'authorId' });
  Review.belongsTo(Employee, { as: 'reviewer', foreignKey: 'reviewerId' });
  Employee.hasMany(Review, { as: 'authoredReviews', foreignKey: 'authorId' });
  Employee.hasMany(Review, { as: 'givenReviews', foreignKey: 'reviewerId' });
  await Employee.sync();
  await Review.sync();
  expect(Object.keys(Employee.rawAttributes)).toEqual(['id', 'name', 'managerId']);
  const boss = await Employee.create({ name: 'boss' });
  const dev = await Employee.create({ name: 'dev', managerId: boss.id });
  await Employee.create({ name: 'ops', managerId: boss.id });
  await Review.create({ note: 'ok', authorId: dev.id, reviewerId: boss.id });
  conn.statements.length = 0;
  const staff = await Employee.findAll({
    include: [
      'manager',
      { association: 'reports', include: ['manager'] },
      'authoredReviews',
      { association: 'givenReviews', include: ['author'] },
    ],
    order: [
      ['name', 'ASC'],
      ['reports', 'name', 'ASC'],
    ],
  });
  expect(conn.statements).toHaveLength(4);
  expect(staff.map((e: Loose) => [e.name, e.manager?.name ?? null, names(e.reports)])).toEqual([
    ['boss', null, ['dev', 'ops']],
    ['dev', 'boss', []],
    ['ops', 'boss', []],
  ]);
  expect(staff[0].reports[0].manager.name).toBe('boss');
  expect(staff[0].givenReviews.map((r: Loose) => [r.note, r.author.name])).toEqual([['ok', 'dev']]);
  expect(staff[1].authoredReviews.map((r: Loose) => r.note)).toEqual(['ok']);
  const managers = await Employee.findAll({
    include: [
      {
        association: 'reports',
        required: true,
        include: [{ association: 'authoredReviews', required: true }],
      },
    ],
  });
  expect(managers.map((e: Loose) => [e.name, names(e.reports)])).toEqual([['boss', ['dev']]]);
  const counted = await Employee.findAndCountAll({
    include: [{ association: 'reports', required: true }],
    distinct: true,
    col: 'id',
  });
  expect(counted.count).toBe(1);
  expect(await boss.countReports()).toBe(2);
  expect((await dev.getManager()).name).toBe('boss');
});

test('$association.column$ where keys are refused by name with the fix, before any query; $attribute$ still works', async () => {
  conn.statements.length = 0;
  await expect(
    User.findAll({ where: { '$posts.rank$': { [Op.gt]: 1 } }, include: [{ association: 'posts' }] }),
  ).rejects.toThrow(
    `where on model User: "$posts.rank$": $association.column$ keys (a where on an included model's column) are not supported; put the condition in the include's where ({ include: [{ association: 'posts', where: { rank: ... } }] }), or write it with literal()`,
  );
  await expect(
    User.findAll({ where: { '$post.rank$': 1 }, include: [{ association: 'posts' }] }),
  ).rejects.toThrow('are not supported (did you mean posts?); put the condition');
  await expect(User.count({ where: { '$company.name$': 'x' }, include: ['company'] })).rejects.toThrow(
    `include's where ({ include: [{ association: 'company', where: { name: ... } }] })`,
  );
  expect(conn.statements).toEqual([]);
  expect((await User.findAll({ where: { $name$: 'ann' } })).map((u: Loose) => u.name)).toEqual(['ann']);
});
