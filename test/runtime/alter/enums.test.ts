/** sync({ alter }) on ENUM types holding rows: add labels in place, rebuild when needed, remove unused labels only. */
import { DataTypes } from '../../../runtime/index.js';
import { openAlterKit, rowsOf, syncAlter, type AlterKit } from './alter-helpers.js';

let kit: AlterKit;
beforeAll(async () => {
  kit = await openAlterKit();
});
afterAll(() => kit.close());
beforeEach(() => kit.reset());

const labelsOf = async (type: string) =>
  (
    await kit.exec(
      `SELECT e.enumlabel::text AS l FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
      [type],
    )
  ).map((r) => r.l);

test('new labels are added in place, in their place (ADD VALUE BEFORE/AFTER); rows and ARRAY(ENUM) columns keep working', async () => {
  const define = (sizes: string[]) =>
    kit.sequelize.define(
      'Shirt',
      {
        size: DataTypes.ENUM(...sizes),
        sizes: DataTypes.ARRAY(DataTypes.ENUM({ values: sizes, name: 'shirt_size_list' })),
      },
      { timestamps: false },
    );
  const Shirt = define(['s', 'm']);
  await Shirt.sync();
  await Shirt.bulkCreate([
    { size: 's', sizes: ['s', 'm'] },
    { size: 'm', sizes: [] },
  ]);
  kit.reset();
  await syncAlter(define(['xs', 's', 'm', 'l']));
  expect(kit.changes()).toEqual([
    `ALTER TYPE "public"."enum_Shirts_size" ADD VALUE 'xs' BEFORE 's'`,
    `ALTER TYPE "public"."enum_Shirts_size" ADD VALUE 'l' AFTER 'm'`,
    `ALTER TYPE "public"."shirt_size_list" ADD VALUE 'xs' BEFORE 's'`,
    `ALTER TYPE "public"."shirt_size_list" ADD VALUE 'l' AFTER 'm'`,
  ]);
  expect(await labelsOf('enum_Shirts_size')).toEqual(['xs', 's', 'm', 'l']);
  const Shirts = kit.sequelize.models.Shirt;
  await Shirts.create({ size: 'l', sizes: ['xs', 'l'] });
  expect(
    (await Shirts.findAll({ order: [['id', 'ASC']] })).map((s) => [s.get('size'), s.get('sizes')]),
  ).toEqual([
    ['s', ['s', 'm']],
    ['m', []],
    ['l', ['xs', 'l']],
  ]);
  kit.reset();
  await syncAlter(define(['xs', 's', 'm', 'l']));
  expect(kit.changes()).toEqual([]);
});

test('a new label used as the default in the same transaction rebuilds the type instead (ADD VALUE would not be usable yet)', async () => {
  await kit.exec(`CREATE TYPE "enum_Tickets_state" AS ENUM ('open', 'closed')`);
  await kit.exec(`CREATE TABLE "Tickets" (id serial PRIMARY KEY, state "enum_Tickets_state" DEFAULT 'open')`);
  await kit.exec(`INSERT INTO "Tickets" (state) VALUES ('open'), ('closed')`);
  const Tickets = kit.sequelize.define(
    'Ticket',
    { state: { type: DataTypes.ENUM('new', 'open', 'closed'), defaultValue: 'new' } },
    { timestamps: false },
  );
  await syncAlter(Tickets);
  expect(kit.changes()).toEqual([
    'ALTER TYPE "public"."enum_Tickets_state" RENAME TO "enum_Tickets_state_old"',
    `CREATE TYPE "public"."enum_Tickets_state" AS ENUM ('new', 'open', 'closed')`,
    'ALTER TABLE "public"."Tickets" ALTER COLUMN "state" DROP DEFAULT',
    'ALTER TABLE "public"."Tickets" ALTER COLUMN "state" TYPE "public"."enum_Tickets_state" USING "state"::text::"public"."enum_Tickets_state"',
    'DROP TYPE "public"."enum_Tickets_state_old"',
    `ALTER TABLE "Tickets" ALTER COLUMN "state" SET DEFAULT 'new'`,
  ]);
  await kit.exec(`INSERT INTO "Tickets" DEFAULT VALUES`);
  expect(await rowsOf(kit, 'Tickets')).toEqual([
    { id: 1, state: 'open' },
    { id: 2, state: 'closed' },
    { id: 3, state: 'new' },
  ]);
  kit.reset();
  await syncAlter(Tickets);
  expect(kit.changes()).toEqual([]);
});

test('removing a label: refused while rows use it (even with drop); destructive but allowed with drop once unused; ARRAY(ENUM) too', async () => {
  const define = (labels: string[]) =>
    kit.sequelize.define(
      'Light',
      {
        color: DataTypes.ENUM(...labels),
        history: DataTypes.ARRAY(DataTypes.ENUM({ values: labels, name: 'light_color' })),
      },
      { timestamps: false },
    );
  const Light = define(['red', 'amber', 'green']);
  await Light.sync();
  await Light.bulkCreate([
    { color: 'red', history: ['red', 'green'] },
    { color: 'amber', history: ['amber'] },
  ]);
  kit.reset();
  let error = (await syncAlter(define(['red', 'green']), { drop: true }).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('remove label(s) "amber" from enum public.enum_Lights_color');
  expect(error.message).toContain(
    'blocked: the removed label(s) are still used by Lights.color (1 row); change those rows first',
  );
  expect(error.message).toContain('blocked: the removed label(s) are still used by Lights.history (1 row)');
  expect(kit.changes()).toEqual([]);
  expect(await labelsOf('enum_Lights_color')).toEqual(['red', 'amber', 'green']);

  await kit.exec(`UPDATE "Lights" SET color = 'green', history = '{green}' WHERE id = 2`);
  kit.reset();
  error = (await syncAlter(define(['red', 'green'])).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('destructive: allowed only with sync({ alter: { drop: true } })');
  expect(kit.changes()).toEqual([]);
  await syncAlter(define(['red', 'green']), { drop: true });
  expect(await labelsOf('enum_Lights_color')).toEqual(['red', 'green']);
  expect(await labelsOf('light_color')).toEqual(['red', 'green']);
  const Lights = kit.sequelize.models.Light;
  expect(
    (await Lights.findAll({ order: [['id', 'ASC']] })).map((l) => [l.get('color'), l.get('history')]),
  ).toEqual([
    ['red', ['red', 'green']],
    ['green', ['green']],
  ]);
  kit.reset();
  await syncAlter(define(['red', 'green']));
  expect(kit.changes()).toEqual([]);
});

test('a label that looks renamed (one out, one in, same place) is refused while used, with the RENAME VALUE that keeps the rows', async () => {
  const define = (labels: string[]) =>
    kit.sequelize.define('Phase', { phase: DataTypes.ENUM(...labels) }, { timestamps: false });
  const Phase = define(['todo', 'doing', 'done']);
  await Phase.sync();
  await Phase.bulkCreate([{ phase: 'doing' }, { phase: 'done' }]);
  kit.reset();
  const error = (await syncAlter(define(['todo', 'in progress', 'done']), { drop: true }).catch(
    (e: Error) => e,
  )) as Error;
  expect(error.message).toContain(
    `blocked: the removed label(s) are still used by Phases.phase (1 row); change those rows first; if "doing" was renamed to "in progress", rename it in place first: ALTER TYPE "public"."enum_Phases_phase" RENAME VALUE 'doing' TO 'in progress'`,
  );
  expect(kit.changes()).toEqual([]);
  await kit.exec(`ALTER TYPE "public"."enum_Phases_phase" RENAME VALUE 'doing' TO 'in progress'`);
  kit.reset();
  await syncAlter(define(['todo', 'in progress', 'done']));
  expect(kit.changes()).toEqual([]);
  expect((await rowsOf(kit, 'Phases')).map((r) => r.phase)).toEqual(['in progress', 'done']);
});

test('an enum rebuild is blocked while a view uses one of its columns', async () => {
  const define = (labels: string[]) =>
    kit.sequelize.define('Signal', { state: DataTypes.ENUM(...labels) }, { timestamps: false });
  await define(['on', 'off']).sync();
  await kit.exec(`CREATE VIEW "SignalStates" AS SELECT state FROM "Signals"`);
  kit.reset();
  const error = (await syncAlter(define(['off', 'on'])).catch((e: Error) => e)) as Error;
  expect(error.message).toContain('reorder or extend enum public.enum_Signals_state');
  expect(error.message).toContain('blocked: "state" is used by view public.SignalStates');
  expect(kit.changes()).toEqual([]);
  await kit.exec('DROP VIEW "SignalStates"');
});
