// Paranoid models, hooks and scopes: what compiles and what not.
import { DataTypes, Model, Op, Sequelize, type CreationOptional } from '../../../runtime/index.js';

declare const sequelize: Sequelize;

interface PostAttributes {
  id: CreationOptional<number>;
  title: string;
  views: number | null;
  deletedAt: Date | null;
}
class Post extends Model<PostAttributes> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare views: number | null;
  declare deletedAt: Date | null;
}

Post.init(
  { title: DataTypes.STRING, views: DataTypes.INTEGER },
  {
    sequelize,
    paranoid: true,
    deletedAt: 'deletedAt',
    hooks: {
      beforeCreate: (post, options) => {
        post.title = post.title.trim();
        void options.transaction;
      },
      afterFind: [() => undefined],
    },
    defaultScope: { where: { views: { [Op.gt]: 0 } } },
    scopes: {
      popular: { where: { views: { [Op.gte]: 100 } }, order: [['views', 'DESC']], limit: 10 },
      titled: (title: string) => ({ where: { title } }),
    },
  },
);

Post.init(
  { title: DataTypes.STRING },
  {
    sequelize,
    // @ts-expect-error -- paranoid is a boolean
    paranoid: 'yes',
  },
);
Post.init(
  { title: DataTypes.STRING },
  {
    sequelize,
    hooks: {
      // @ts-expect-error -- not a hook name
      beforeCreat: () => undefined,
    },
  },
);
Post.init(
  { title: DataTypes.STRING },
  {
    sequelize,
    // @ts-expect-error -- a scope's where names attributes of the model
    defaultScope: { where: { titel: 'x' } },
  },
);

export async function usage(): Promise<void> {
  // Paranoid
  await Post.destroy({ where: { id: 1 }, force: true });
  await Post.restore({ where: { id: 1 } });
  // @ts-expect-error -- restore's where names attributes of the model
  await Post.restore({ where: { titel: 'x' } });
  const post = (await Post.findByPk(1, { paranoid: false }))!;
  const deleted: boolean = post.isSoftDeleted();
  void deleted;
  await post.restore();
  await post.destroy({ force: true });

  // Hooks: typed per hook name
  Post.beforeCreate((p) => {
    const title: string = p.title;
    void title;
  });
  Post.afterUpsert('log', ([p, created]) => {
    const isNew: boolean = created;
    void p.views;
    void isNew;
  });
  Post.beforeBulkUpdate((options) => {
    options.attributes.views = 1;
  });
  Post.addHook('afterFind', (result) => void result);
  Post.addHook('beforeSave', 'named', async (p) => {
    await Promise.resolve(p.title);
  });
  Post.removeHook('beforeSave', 'named');
  const has: boolean = Post.hasHook('beforeSave');
  void has;
  // @ts-expect-error -- not a hook name
  Post.addHook('beforeCreat', () => undefined);
  // @ts-expect-error -- beforeCreate receives a Post: it has no attribute named titel
  Post.beforeCreate((p) => void p.titel);
  // @ts-expect-error -- a model hook; beforeBulkSync is sequelize.sync()'s
  Post.addHook('beforeBulkSync', () => undefined);
  sequelize.addHook('beforeBulkSync', (options) => void options.force);
  sequelize.addHook('beforeCreate', (instance) => void instance);
  // @ts-expect-error -- not a hook name
  sequelize.addHook('beforeConnect', () => undefined);
  new Sequelize('postgres://localhost/db', { hooks: { afterBulkSync: () => undefined } });

  const [updated, rows] = await Post.update({ views: 1 }, { where: { id: 1 }, individualHooks: true });
  const typedRows: Post[] = rows;
  void [updated, typedRows];

  // Scopes
  const popular: Post[] = await Post.scope('popular', { method: ['titled', 'x'] }).findAll();
  const all: number = await Post.unscoped().count();
  void [popular, all];
  Post.addScope('recent', { order: [['id', 'DESC']] }, { override: true });
  // @ts-expect-error -- a scope's order names attributes of the model
  Post.addScope('bad', { order: [['titel', 'DESC']] });
  // @ts-expect-error -- scope options are find options
  Post.addScope('bad', { wher: {} });
}
