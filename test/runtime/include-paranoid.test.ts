/** include of paranoid models: soft-deleted included rows (and through rows) are left out unless the include says paranoid: false. */
import { DataTypes } from '../../runtime/index.js';
import { openTestConnection, type TestConnection } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped models made with define()
type Loose = any;

let conn: TestConnection;
let Author: Loose, Book: Loose, Review: Loose, Shelf: Loose, Placement: Loose;

beforeAll(async () => {
  conn = await openTestConnection();
  const s = conn.sequelize;
  Author = s.define('Author', { name: DataTypes.STRING }, { timestamps: false });
  Book = s.define('Book', { title: DataTypes.STRING }, { paranoid: true });
  Review = s.define('Review', { body: DataTypes.STRING }, { paranoid: true });
  Shelf = s.define('Shelf', { name: DataTypes.STRING }, { timestamps: false });
  Placement = s.define('Placement', {}, { paranoid: true });
  Author.hasMany(Book, { as: 'books' });
  Book.belongsTo(Author, { as: 'author' });
  Book.hasMany(Review, { as: 'reviews' });
  Author.hasOne(Review, { as: 'pinned', foreignKey: 'pinnedById' });
  Book.belongsToMany(Shelf, { through: Placement, as: 'shelves' });
  await s.sync({ force: true });
  const ann = await Author.create({ name: 'ann' });
  const bob = await Author.create({ name: 'bob' });
  const a1 = await Book.create({ title: 'a1', AuthorId: ann.id });
  const a2 = await Book.create({ title: 'a2', AuthorId: ann.id });
  await Book.create({ title: 'b1', AuthorId: bob.id });
  await a2.destroy();
  await Review.create({ body: 'kept', BookId: a1.id });
  const gone = await Review.create({ body: 'gone', BookId: a1.id, pinnedById: bob.id });
  await gone.destroy();
  const top = await Shelf.create({ name: 'top' });
  const low = await Shelf.create({ name: 'low' });
  await Placement.create({ BookId: a1.id, ShelfId: top.id });
  const removed = await Placement.create({ BookId: a1.id, ShelfId: low.id });
  await removed.destroy();
});
afterAll(() => conn.close());

const titles = (list: Loose[]): string[] => list.map((x) => x.title ?? x.body ?? x.name).sort();

test('hasMany of a paranoid model: soft-deleted rows left out, nested too, unless paranoid: false', async () => {
  const authors = await Author.findAll({
    include: [{ model: Book, as: 'books', include: [{ model: Review, as: 'reviews' }] }],
    order: [['name', 'ASC']],
  });
  expect(authors.map((a: Loose) => titles(a.books))).toEqual([['a1'], ['b1']]);
  expect(titles(authors[0].books[0].reviews)).toEqual(['kept']);
  const all = await Author.findAll({
    include: [
      {
        model: Book,
        as: 'books',
        paranoid: false,
        include: [{ model: Review, as: 'reviews', paranoid: false }],
      },
    ],
    order: [['name', 'ASC']],
  });
  expect(all.map((a: Loose) => titles(a.books))).toEqual([['a1', 'a2'], ['b1']]);
  const a1 = all[0].books.find((b: Loose) => b.title === 'a1');
  expect(titles(a1.reviews)).toEqual(['gone', 'kept']);
});

test('single associations of a paranoid model: a soft-deleted row joins as null; required drops the parent', async () => {
  const authors = await Author.findAll({
    include: [{ model: Review, as: 'pinned' }],
    order: [['name', 'ASC']],
  });
  expect(authors.map((a: Loose) => a.pinned)).toEqual([null, null]);
  const kept = await Author.findAll({
    include: [{ model: Review, as: 'pinned', paranoid: false }],
    order: [['name', 'ASC']],
  });
  expect(kept.map((a: Loose) => a.pinned?.body ?? null)).toEqual([null, 'gone']);
  const required = await Author.findAll({ include: [{ model: Review, as: 'pinned', required: true }] });
  expect(required).toEqual([]);
  const requiredBooks = await Author.findAll({
    include: [{ model: Book, as: 'books', required: true, where: { title: 'a2' } }],
  });
  expect(requiredBooks).toEqual([]);
  const unlessParanoidFalse = await Author.findAll({
    include: [{ model: Book, as: 'books', required: true, paranoid: false, where: { title: 'a2' } }],
  });
  expect(unlessParanoidFalse.map((a: Loose) => a.name)).toEqual(['ann']);
});

test('count and findAndCountAll with a required include over a paranoid target count live rows only', async () => {
  expect(await Author.count({ include: [{ model: Book, as: 'books', where: { title: 'a2' } }] })).toBe(0);
  expect(
    await Author.count({ include: [{ model: Book, as: 'books', where: { title: 'a2' }, paranoid: false }] }),
  ).toBe(1);
  const { count, rows } = await Author.findAndCountAll({
    include: [{ model: Book, as: 'books', required: true }],
  });
  expect(count).toBe(2);
  expect(rows.map((a: Loose) => titles(a.books))).toEqual([['a1'], ['b1']]);
});

test('belongsToMany through a paranoid model: a soft-deleted through row links nothing unless through.paranoid is false', async () => {
  const [book] = await Book.findAll({ where: { title: 'a1' }, include: [{ model: Shelf, as: 'shelves' }] });
  expect(titles(book.shelves)).toEqual(['top']);
  const [all] = await Book.findAll({
    where: { title: 'a1' },
    include: [{ model: Shelf, as: 'shelves', through: { paranoid: false } }],
  });
  expect(titles(all.shelves)).toEqual(['low', 'top']);
});

test('paranoid on an include is a boolean option; unknown through options are still refused by name', async () => {
  await expect(
    Book.findAll({ include: [{ model: Shelf, as: 'shelves', through: { paranoyd: false } }] }),
  ).rejects.toThrow(/paranoyd/);
});
