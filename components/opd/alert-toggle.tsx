'use client';
/**
 * One tap that unlocks the alerts: browsers keep Web Audio silent until the user has touched the
 * page, and ask for notification permission only from a user gesture.
 */
import { useState, useSyncExternalStore } from 'react';
import { audioContext, playBeep } from '@/components/queue/beep';
import { Bell, BellOff } from 'lucide-react';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';

type Permission = NotificationPermission | 'unsupported';

function readPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const noSubscribe = () => () => undefined;

export function AlertToggle() {
  const { t } = useT();
  const initial = useSyncExternalStore(noSubscribe, readPermission, (): Permission => 'default');
  const [permission, setPermission] = useState<Permission | null>(null);
  const [unlocked, setUnlocked] = useState(false);
  const current = permission ?? initial;

  async function enable() {
    const ctx = audioContext();
    if (ctx?.state === 'suspended') await ctx.resume();
    playBeep();
    setUnlocked(true);
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      setPermission(await Notification.requestPermission());
    }
  }

  if (unlocked && current === 'denied') {
    return (
      <p className="text-xs text-amber-800" data-test="alerts-denied">
        {t('opd.alerts.denied')}
      </p>
    );
  }
  return (
    <Button variant="secondary" size="lg" onClick={() => void enable()} data-test="alerts-enable" data-unlocked={unlocked ? 'true' : 'false'}>
      {unlocked ? <Bell className="h-4 w-4" aria-hidden="true" focusable={false} data-test="alerts-icon-on" /> : <BellOff className="h-4 w-4" aria-hidden="true" focusable={false} data-test="alerts-icon-off" />}
      {unlocked ? t('opd.alerts.enabled') : t('opd.alerts.enable')}
    </Button>
  );
}
