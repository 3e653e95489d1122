/**
 * Date, time, duration and number formatting for the interface. Every time is shown in WIB
 * (Asia/Jakarta, UTC+7) whatever the time zone of the machine showing it: a wall PC or a phone set
 * to another zone must still show the city's clock. Times use a 24-hour HH:mm:ss with colons in both
 * languages, the control-room habit, rather than id-ID's dotted form; durations read like a stopwatch.
 */
import type { Language } from './languages';

export const WIB_TIME_ZONE = 'Asia/Jakarta';
export const WIB_LABEL = 'WIB';

export type DateInput = Date | string | number;

/** The Intl locale of each interface language (numbers, month names, plural rules). */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const DATE_OPTIONS = {
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  // The date line of a letter: "3 Desember 2026".
  letter: { day: 'numeric', month: 'long', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type DateStyle = keyof typeof DATE_OPTIONS;

// Building an Intl.DateTimeFormat is costly and running clocks format every second.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: WIB_TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(value)}`);
  return date;
}

/** `HH:mm:ss` (or `HH:mm`) in WIB. */
export function formatTime(value: DateInput, options: { seconds?: boolean } = {}): string {
  const withSeconds = options.seconds ?? true;
  const parts = formatter(`time:${withSeconds}`, 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).formatToParts(toDate(value));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return [part('hour'), part('minute'), ...(withSeconds ? [part('second')] : [])].join(':');
}

/** The calendar date in WIB, e.g. `29 Nov 2026`, `Minggu, 29 November 2026` with style `long`, `29 November 2026` with `letter`. */
export function formatDate(value: DateInput, lang: Language, style: DateStyle = 'short'): string {
  return formatter(`date:${style}:${lang}`, LOCALES[lang], DATE_OPTIONS[style]).format(toDate(value));
}

/** Date and time with the zone named, e.g. `29 Nov 2026 00:05 WIB`. */
export function formatDateTime(value: DateInput, lang: Language, options: { seconds?: boolean } = {}): string {
  return `${formatDate(value, lang)} ${formatTime(value, { seconds: options.seconds ?? false })} ${WIB_LABEL}`;
}

/** What a duration shows when there is none (a stage not started, a statistic without samples). */
export const NO_DURATION = '\u2013';

/**
 * A stopwatch reading: `m:ss`, `h:mm:ss` from an hour on. Fractions are cut, so a timer reads 0:59
 * until the full minute. A negative span clamps to 0:00: the database clock and this machine's
 * estimate of it can disagree by a moment, and a just-started stage must not count backwards.
 */
export function formatDuration(seconds: number | null, empty: string = NO_DURATION): string {
  if (seconds === null || !Number.isFinite(seconds)) return empty;
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

/** A number in the language's own notation (`2,5` in Bahasa Indonesia, `2.5` in English). */
export function formatNumber(value: number, lang: Language, options: { fractionDigits?: number } = {}): string {
  const digits = options.fractionDigits ?? 0;
  const key = `${lang}:${digits}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormatters.set(key, f);
  }
  return f.format(value);
}
