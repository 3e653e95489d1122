import { describe, expect, it } from 'vitest';
import { en } from './dictionaries/en';
import { id } from './dictionaries/id';
import { pluralKey } from './plural';
import { makeTranslate } from './translate';

describe('pluralKey', () => {
  it('picks the English singular for exactly one and the plural otherwise', () => {
    expect(pluralKey('dispatch.card.overdue', 1, 'en')).toBe('dispatch.card.overdue.one');
    for (const n of [0, 2, 5, 21]) expect(pluralKey('dispatch.card.overdue', n, 'en'), String(n)).toBe('dispatch.card.overdue.other');
  });

  it('uses the single Indonesian form for every count', () => {
    for (const n of [0, 1, 2, 21]) expect(pluralKey('dispatch.card.overdue', n, 'id'), String(n)).toBe('dispatch.card.overdue.other');
  });

  it('gives whole English sentences', () => {
    const t = makeTranslate(en);
    expect(t(pluralKey('dispatch.card.overdue', 1, 'en'), { count: 1 })).toBe('1 agency not responding');
    expect(t(pluralKey('dispatch.card.overdue', 3, 'en'), { count: 3 })).toBe('3 agencies not responding');
    expect(t(pluralKey('opd.queue.count', 1, 'en'), { count: 1 })).toBe('1 step waiting to be sent');
  });
});

describe('messages with a count', () => {
  it('have both forms in every language', () => {
    for (const dictionary of [id, en]) {
      const keys = new Set(Object.keys(dictionary));
      for (const key of keys) {
        if (key.endsWith('.one')) expect(keys.has(key.replace(/\.one$/, '.other')), key).toBe(true);
      }
    }
  });

  it('are not hand-built plurals like "agency(ies)"', () => {
    const handBuilt = Object.entries(en).filter(([, message]) => /\w\((?:s|es|ies)\)/.test(message));
    expect(handBuilt).toEqual([]);
  });

  // "agency(ies)" was caught by the check above once it was written; a count before a plain noun
  // ("1 incidents", "Tried 1 times") slipped past it. Any English message that puts {count} before a
  // word must come in both plural forms. A count that is not followed by a noun ("+{count} more",
  // "{count}×") needs none.
  it('give a count before a noun in both plural forms', () => {
    const needsPlural = /\{count\} (?!more\b)[a-z]|\b[a-z]+ \{count\} times\b/i;
    const single = Object.entries(en).filter(([key, message]) => needsPlural.test(message) && !/\.(one|other)$/.test(key));
    expect(single).toEqual([]);
  });
});
