import fs from 'node:fs';
import path from 'node:path';
import { closest } from '../../domain/text/suggest.js';
import type { Context } from '../context.js';
import { loadCatalogue } from '../io/catalogue.js';
import { openCommandStore } from '../io/store.js';
import { storeFile } from '../io/store-location.js';
import { DEFAULT_KEYS, type DefaultKey, type Defaults } from '../io/store-types.js';
import { UsageError, type Outcome } from '../outcome.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { makeStyle } from '../render/style.js';
import { wrap } from '../render/wrap.js';
import { renderTable } from '../render/table.js';
import { parseSetting, settingFromEnv } from '../settings/resolve.js';
import { SETTINGS } from '../settings/table.js';
import { statusText } from '../render/status.js';

/**
 * The value to save for a key, read by the settings table's parser (so a bad value gets the same
 * message wherever it is given). A catalogue is also loaded now, so a broken one is refused at once
 * rather than at every later command.
 */
function valueToSave(ctx: Context, key: DefaultKey, text: string): string {
  if (key !== 'catalogue') return parseSetting(key, text, 'config set', key === 'mode' ? ctx.catalogue() : undefined);
  // Saved absolute, so the default means the same file whichever directory the program runs in.
  const file = path.resolve(parseSetting(key, text, 'config set'));
  if (!fs.existsSync(file)) throw new UsageError(`config set catalogue: ${safeLine(file)} does not exist; check the path.`);
  loadCatalogue(file);
  return file;
}

function checkKey(key: string): DefaultKey {
  if ((DEFAULT_KEYS as readonly string[]).includes(key)) return key as DefaultKey;
  const [guess] = closest(
    key.toLowerCase(),
    DEFAULT_KEYS.map((k) => ({ key: k, value: k })),
    1,
  );
  const hint = guess ? ` Did you mean ${guess}?` : '';
  throw new UsageError(`config has no key "${safeLine(key)}"; use one of: ${DEFAULT_KEYS.join(', ')}.${hint}`);
}

/** Every key, with null for one not set: the shape of every `config --json` result. */
function asJson(defaults: Defaults, keys: readonly DefaultKey[] = DEFAULT_KEYS): string {
  return `${safeJson(Object.fromEntries(keys.map((k) => [k, defaults[k] ?? null])))}\n`;
}

/** A saved default that the environment overrides does nothing; say so rather than surprise. */
function overrideNote(ctx: Context, key: DefaultKey): string | undefined {
  const fromEnv = settingFromEnv(key, ctx.io.env);
  return fromEnv === undefined
    ? undefined
    : `${SETTINGS[key].env} is set ("${safeLine(fromEnv)}") and takes precedence over the saved ${key}.`;
}

/** `config get [KEY]`: one saved default, or all of them. */
export async function configGet(ctx: Context, key: string | undefined): Promise<Outcome> {
  const wanted = key === undefined ? undefined : checkKey(key);
  const store = await openCommandStore(ctx, { readOnly: true });
  const defaults = store.defaults();
  if (ctx.json) {
    ctx.out(asJson(defaults, wanted ? [wanted] : DEFAULT_KEYS));
    return 'success';
  }
  if (wanted !== undefined) {
    const value = defaults[wanted];
    if (value !== undefined) ctx.out(`${safeLine(value)}\n`);
    else
      ctx.err(
        statusText(
          { said: `${wanted} is not set; set it with "study-planner config set ${wanted} VALUE" (${SETTINGS[wanted].allowed}).` },
          ctx.width,
        ),
      );
    const note = overrideNote(ctx, wanted);
    if (note) ctx.err(statusText({ said: `Note: ${note}` }, ctx.width));
    return 'success';
  }
  const style = makeStyle(ctx.colour);
  const rows = DEFAULT_KEYS.map((k) => [k, defaults[k] === undefined ? style.dim('(not set)') : safeLine(defaults[k]!)]);
  ctx.out(
    `${renderTable(
      [
        { header: 'Key', width: 10 },
        { header: 'Saved default', width: 30, flexible: true },
      ],
      rows,
      style,
      ctx.width,
    )}\n`,
  );
  const notes = DEFAULT_KEYS.flatMap((k) => overrideNote(ctx, k) ?? []);
  ctx.out(style.dim(wrap(`Store: ${safeLine(store.path)}.${notes.map((n) => ` ${n}`).join('')}`, ctx.width)) + '\n');
  return 'success';
}

/** `config set KEY VALUE`: checks the value, then saves it. */
export async function configSet(ctx: Context, key: string, value: string): Promise<Outcome> {
  const checked = checkKey(key);
  // A value is checked before the store is opened, so a mistyped one is refused first. A mode is
  // checked against the catalogue, which may be the store's saved default: the store is opened
  // first then, so that a broken one is gone on without (store.ts) and the catalogue found anyway.
  const early = checked === 'mode' ? undefined : valueToSave(ctx, checked, value);
  const store = await openCommandStore(ctx, { onBrokenRead: 'set-aside' });
  const parsed = early ?? valueToSave(ctx, checked, value);
  store.setDefault(checked, parsed as NonNullable<Defaults[typeof checked]>);
  const defaults = store.defaults();
  if (ctx.json) ctx.out(asJson(defaults));
  else ctx.err(`Saved ${checked} = ${safeLine(parsed)} in ${safeLine(store.path)}.\n`); // a path to copy: never broken
  const note = overrideNote(ctx, checked);
  if (note) ctx.err(statusText({ said: `Note: ${note}` }, ctx.width));
  return 'success';
}

/** `config unset KEY`: forgets a saved default; forgetting one that is not set is not an error. */
export async function configUnset(ctx: Context, key: string): Promise<Outcome> {
  const checked = checkKey(key);
  const store = await openCommandStore(ctx, { onBrokenRead: 'set-aside' });
  const wasSet = store.defaults()[checked] !== undefined;
  store.unsetDefault(checked);
  if (ctx.json) ctx.out(asJson(store.defaults()));
  else ctx.err(wasSet ? `Removed the saved ${checked}.\n` : `${checked} was not set; nothing to remove.\n`);
  return 'success';
}

/** `config path`: where the store lives (it need not exist yet). */
export function configPath(ctx: Context): Outcome {
  const file = storeFile(ctx.io.env);
  ctx.out(ctx.json ? `${safeJson({ path: file })}\n` : `${safeLine(file)}\n`);
  return 'success';
}
