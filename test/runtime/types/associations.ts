// Associations as Sequelize's TypeScript docs declare them: what must and must not compile.
import {
  DataTypes,
  Model,
  Sequelize,
  type Association,
  type BelongsTo,
  type BelongsToMany,
  type BelongsToManyAddAssociationsMixin,
  type BelongsToManyCountAssociationsMixin,
  type BelongsToManyCreateAssociationMixin,
  type BelongsToManyHasAssociationMixin,
  type BelongsToManyHasAssociationsMixin,
  type BelongsToManyOptions,
  type BelongsToManyRemoveAssociationMixin,
  type BelongsToManyRemoveAssociationsMixin,
  type BelongsToManySetAssociationsMixin,
  type BelongsToOptions,
  type HasMany,
  type HasManyAddAssociationsMixin,
  type HasManyHasAssociationsMixin,
  type HasManyOptions,
  type HasManyRemoveAssociationMixin,
  type HasManyRemoveAssociationsMixin,
  type HasManySetAssociationsMixin,
  type HasOne,
  type HasOneCreateAssociationMixin,
  type HasOneOptions,
  type HasOneSetAssociationMixin,
  type BelongsToCreateAssociationMixin,
  type BelongsToGetAssociationMixin,
  type BelongsToManyAddAssociationMixin,
  type BelongsToManyGetAssociationsMixin,
  type BelongsToSetAssociationMixin,
  type CreationOptional,
  type ForeignKey,
  type HasManyAddAssociationMixin,
  type HasManyCountAssociationsMixin,
  type HasManyCreateAssociationMixin,
  type HasManyGetAssociationsMixin,
  type HasManyHasAssociationMixin,
  type HasOneGetAssociationMixin,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from '../../../runtime/index.js';

declare const sequelize: Sequelize;

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare posts?: NonAttribute<Post[]>;
  declare profile?: NonAttribute<Profile | null>;
  declare getPosts: HasManyGetAssociationsMixin<Post>;
  declare addPost: HasManyAddAssociationMixin<Post, number>;
  declare hasPost: HasManyHasAssociationMixin<Post, number>;
  declare countPosts: HasManyCountAssociationsMixin;
  declare createPost: HasManyCreateAssociationMixin<Post, 'authorId'>;
  declare getProfile: HasOneGetAssociationMixin<Profile>;
  declare static associations: { posts: Association<User, Post>; profile: Association<User, Profile> };
}
class Profile extends Model<InferAttributes<Profile>, InferCreationAttributes<Profile>> {
  declare id: CreationOptional<number>;
  declare bio: string;
  declare userId: ForeignKey<User['id']>;
}
export class Post extends Model<InferAttributes<Post>, InferCreationAttributes<Post>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare authorId: ForeignKey<User['id']>;
  declare author?: NonAttribute<User>;
  declare tags?: NonAttribute<Tag[]>;
  declare getAuthor: BelongsToGetAssociationMixin<User>;
  declare setAuthor: BelongsToSetAssociationMixin<User, number>;
  declare createAuthor: BelongsToCreateAssociationMixin<User>;
  declare getTags: BelongsToManyGetAssociationsMixin<Tag>;
  declare addTag: BelongsToManyAddAssociationMixin<Tag, number>;
}
class Tag extends Model<InferAttributes<Tag>, InferCreationAttributes<Tag>> {
  declare id: CreationOptional<number>;
  declare name: string;
}

export async function associations(): Promise<void> {
  User.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING },
    { sequelize },
  );
  Post.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, title: DataTypes.STRING },
    { sequelize },
  );
  Profile.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, bio: DataTypes.STRING },
    { sequelize },
  );
  Tag.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, name: DataTypes.STRING },
    { sequelize },
  );
  const hasMany = User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
  const target: typeof Post = hasMany.target as typeof Post;
  void target;
  Post.belongsTo(User, {
    as: 'author',
    foreignKey: { name: 'authorId', allowNull: false },
    onDelete: 'CASCADE',
  });
  User.hasOne(Profile, { as: 'profile', foreignKey: 'userId' });
  Post.belongsToMany(Tag, { through: 'post_tags', as: 'tags' });
  // @ts-expect-error belongsToMany needs through
  Post.belongsToMany(Tag, { as: 'tags' });
  // @ts-expect-error unknown association option
  User.hasMany(Post, { as: 'posts', foreignKy: 'authorId' });
  // @ts-expect-error not a referential action
  Post.belongsTo(User, { onDelete: 'EXPLODE' });

  // ForeignKey attributes are optional in create(); NonAttribute members are not attributes.
  await Post.create({ title: 'x' });
  await Post.create({ title: 'x', authorId: 1 });
  // @ts-expect-error an association is not an attribute
  await Post.create({ title: 'x', author: undefined });

  const users = await User.findAll({ include: [{ model: Post, as: 'posts' }] });
  const titles: string[] = users[0].posts.map((p) => p.title);
  void titles;
  const byAlias = await User.findAll({ include: ['posts', 'profile'] });
  const profile: Profile | null = byAlias[0].profile;
  void profile;
  const nested = await User.findOne({
    include: [{ association: 'posts', where: { title: 'a' }, include: [{ model: User, as: 'author' }] }],
  });
  const authorName: string | undefined = nested?.posts[0].author?.name;
  void authorName;
  const plain = await User.findAll();
  // @ts-expect-error not included: posts may be undefined
  const notLoaded: Post[] = plain[0].posts;
  void notLoaded;
  // @ts-expect-error User has no association named comments
  await User.findAll({ include: ['comments'] });
  // @ts-expect-error Tag is not associated to User
  await User.findAll({ include: [Tag] });
  // @ts-expect-error the where of an include is checked against the included model
  await User.findAll({ include: [{ model: Post, as: 'posts', where: { nope: 1 } }] });
  // @ts-expect-error a misspelt include option
  await User.findAll({ include: [{ model: Post, as: 'posts', requird: true }] });
  // order by an included column: the documented forms compile, the alias and (one step deep) the column are checked.
  await User.findAll({ include: ['posts'], order: [[{ model: Post, as: 'posts' }, 'title', 'DESC']] });
  await User.findAll({ include: ['posts'], order: [[Post, 'title']] });
  await User.findAll({ include: ['posts'], order: [['posts', 'title', 'DESC'], ['name', 'ASC'], 'id'] });
  await User.findOne({ include: ['posts'], order: [[hasMany, 'title', 'ASC NULLS LAST']] });
  await User.findAll({
    include: [{ association: 'posts', include: [{ model: User, as: 'author' }] }],
    order: [
      ['posts', 'author', 'name', 'DESC'],
      [{ model: Post, as: 'posts' }, { model: User, as: 'author' }, 'name'],
    ],
  });
  await User.findAndCountAll({ include: ['posts'], order: [['posts', 'title', 'DESC']] });
  // @ts-expect-error comments is not an association of User
  await User.findAll({ include: ['posts'], order: [['comments', 'title', 'DESC']] });
  // @ts-expect-error Post has no attribute nope
  await User.findAll({ include: ['posts'], order: [['posts', 'nope', 'DESC']] });
  // @ts-expect-error Post has no attribute nope
  await User.findAll({ include: ['posts'], order: [[Post, 'nope']] });
  // @ts-expect-error Tag is not associated to User
  await User.findAll({ include: ['posts'], order: [[Tag, 'name']] });
  // @ts-expect-error the alias of { model, as } is checked
  await User.findAll({ include: ['posts'], order: [[{ model: Post, as: 'postz' }, 'title', 'DESC']] });
  // @ts-expect-error an own attribute is still checked
  await User.findAll({ include: ['posts'], order: [['nme', 'DESC']] });
  // @ts-expect-error not a direction
  await User.findAll({ include: ['posts'], order: [['posts', 'title', 'SIDEWAYS']] });
  // @ts-expect-error count takes no order
  await User.count({ include: ['posts'], order: [['name', 'ASC']] });
  // @ts-expect-error a misspelt finder option still fails with include
  await User.findAll({ include: ['posts'], wher: { id: 1 } });
  await User.findAll({ include: [{ model: Post, as: 'posts', paranoid: false }] });
  // @ts-expect-error paranoid of an include is a boolean
  await User.findAll({ include: [{ model: Post, as: 'posts', paranoid: 'no' }] });
  // A scoped or unscoped model in an include (its scope applies to the include): typed as the model.
  const scoped = await User.findAll({ include: [{ model: Post.scope('recent'), as: 'posts' }] });
  const scopedTitles: string[] = scoped[0].posts.map((p) => p.title);
  void scopedTitles;
  const unscoped = await User.findAll({
    include: [{ model: Post.unscoped(), as: 'posts', where: { title: 'a' } }],
  });
  const unscopedTitle: string = unscoped[0].posts[0].title;
  void unscopedTitle;
  // @ts-expect-error the where of a scoped include is checked against the included model
  await User.findAll({ include: [{ model: Post.scope('recent'), as: 'posts', where: { nope: 1 } }] });
  await User.count({ include: ['posts'] });
  const { rows } = await User.findAndCountAll({ include: ['posts'], limit: 2 });
  const n: number = rows[0].posts.length;
  void n;

  const user = users[0];
  const posts: Post[] = await user.getPosts({ where: { title: 'a' } });
  void posts;
  await user.addPost(1);
  await user.addPost(posts[0]);
  // @ts-expect-error addPost takes a Post or its key
  await user.addPost('x');
  const has: boolean = await user.hasPost(1);
  void has;
  const count: number = await user.countPosts();
  void count;
  await user.createPost({ title: 'x' });
  const author: User | null = await posts[0].getAuthor();
  void author;
  await posts[0].setAuthor(user);
  await posts[0].setAuthor(null);
}

/** The generated-code shape of the contract: declared members, then associations in initModels. */
export class Author extends Model<InferAttributes<Author>, InferCreationAttributes<Author>> {
  declare id: CreationOptional<number>;
  declare authoredBooks?: NonAttribute<Book[]>;
  declare getAuthoredBooks: HasManyGetAssociationsMixin<Book>;
  declare setAuthoredBooks: HasManySetAssociationsMixin<Book, number>;
  declare addAuthoredBooks: HasManyAddAssociationsMixin<Book, number>;
  declare removeAuthoredBook: HasManyRemoveAssociationMixin<Book, number>;
  declare removeAuthoredBooks: HasManyRemoveAssociationsMixin<Book, number>;
  declare hasAuthoredBooks: HasManyHasAssociationsMixin<Book, number>;
  declare partner?: NonAttribute<Author | null>;
  declare getPartner: HasOneGetAssociationMixin<Author>;
  declare setPartner: HasOneSetAssociationMixin<Author, number>;
  declare createPartner: HasOneCreateAssociationMixin<Author>;
  declare genres?: NonAttribute<Genre[]>;
  declare getGenres: BelongsToManyGetAssociationsMixin<Genre>;
  declare setGenres: BelongsToManySetAssociationsMixin<Genre, number>;
  declare addGenres: BelongsToManyAddAssociationsMixin<Genre, number>;
  declare createGenre: BelongsToManyCreateAssociationMixin<Genre>;
  declare removeGenre: BelongsToManyRemoveAssociationMixin<Genre, number>;
  declare removeGenres: BelongsToManyRemoveAssociationsMixin<Genre, number>;
  declare hasGenre: BelongsToManyHasAssociationMixin<Genre, number>;
  declare hasGenres: BelongsToManyHasAssociationsMixin<Genre, number>;
  declare countGenres: BelongsToManyCountAssociationsMixin;
}
export class Book extends Model<InferAttributes<Book>, InferCreationAttributes<Book>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare authorId: number | null;
  declare author?: NonAttribute<Author>;
}
export class Genre extends Model<InferAttributes<Genre>, InferCreationAttributes<Genre>> {
  declare id: CreationOptional<number>;
}

export async function generatedShape(): Promise<void> {
  const authored: HasMany<Author, Book> = Author.hasMany(Book, {
    as: 'authoredBooks',
    foreignKey: 'authorId',
  });
  const belongs: BelongsTo<Book, Author> = Book.belongsTo(Author, { as: 'author', foreignKey: 'authorId' });
  const partner: HasOne<Author, Author> = Author.hasOne(Author, {
    as: 'partner',
    foreignKey: { name: 'partnerId', allowNull: true },
  });
  const genres: BelongsToMany<Author, Genre> = Author.belongsToMany(Genre, {
    through: 'author_genres',
    as: 'genres',
    foreignKey: 'authorId',
    otherKey: 'genreId',
    uniqueKey: 'author_genre',
  });
  void [authored, belongs, partner, genres];
  const a = await Author.findByPk(1, {
    include: [
      Author.associations.authoredBooks,
      { association: 'genres', through: { attributes: [], paranoid: false } },
    ],
  });
  // An association object includes, but its alias is not known to the types: the value stays optional.
  const books: Book[] | undefined = a?.authoredBooks;
  if (a) {
    const genreList: Genre[] = a.genres;
    void genreList;
  }
  void books;
  const nested = await Book.findAll({
    include: [{ model: Author, as: 'author', include: ['partner', 'genres'] }],
  });
  const partnerOfAuthor: Author | null = nested[0].author.partner;
  const g: Genre[] = nested[0].author.genres;
  void [partnerOfAuthor, g];
  // @ts-expect-error partner is not included under author here
  const notIncluded: Author | null = (await Book.findAll({ include: ['author'] }))[0].author.partner;
  void notIncluded;
  const options: HasManyOptions = { as: 'x', sourceKey: 'id', onDelete: 'SET NULL', constraints: false };
  const btm: BelongsToManyOptions = { through: { model: 'author_genres', unique: false } };
  // @ts-expect-error targetKey is not a hasOne option
  const wrong: HasOneOptions = { targetKey: 'id' };
  const bt: BelongsToOptions = {
    targetKey: 'id',
    foreignKey: { name: 'x', field: 'x_id', allowNull: false },
  };
  void [options, btm, wrong, bt];
  const author = (await Author.findByPk(1))!;
  await author.setGenres([1, 2], { through: { weight: 1 } });
  await author.removeGenres([1]);
  const hasAll: boolean = await author.hasGenres([2]);
  const n: number = await author.countGenres({ where: { id: 2 } });
  await author.setAuthoredBooks(null);
  await author.setPartner(null);
  // @ts-expect-error create values are checked against the target's attributes
  await author.createGenre({ nope: 1 });
  void [hasAll, n];
}

export async function throughOnlyOnBelongsToMany(): Promise<void> {
  await Author.findAll({ include: [{ association: 'genres', through: { attributes: ['weight'] } }] });
  // @ts-expect-error through applies to belongsToMany includes only (authoredBooks is a hasMany)
  await Author.findAll({ include: [{ association: 'authoredBooks', through: { attributes: [] } }] });
  // @ts-expect-error through applies to belongsToMany includes only
  await Author.findAll({ include: [{ model: Book, as: 'authoredBooks', through: { where: {} } }] });
}
