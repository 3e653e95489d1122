/** ID / EN switch. A plain form posting to a server action: works before and without hydration. */
import { setLanguage } from '@/lib/i18n/actions';
import { LANGUAGES } from '@/lib/i18n/languages';
import { getT } from '@/lib/i18n/server';

export async function LanguageSwitch() {
  const { lang, t } = await getT();
  return (
    <form action={setLanguage} className="flex shrink-0 items-center gap-1" aria-label={t('lang.label')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          aria-pressed={code === lang}
          title={t(`lang.${code}`)}
          data-test={`lang-${code}`}
          className="min-h-8 rounded px-2 text-xs font-bold uppercase tracking-wide aria-pressed:bg-white aria-pressed:text-slate-950 hover:bg-white/20"
        >
          {code}
        </button>
      ))}
    </form>
  );
}
