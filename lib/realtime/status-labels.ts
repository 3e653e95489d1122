/**
 * Words for the realtime connection states, Bahasa Indonesia first. Kept as one small object so the
 * i18n dictionaries can absorb it later without touching the component.
 */
import type { Language } from '@/lib/i18n/languages';
import type { LiveStatus } from './live-view';

export const connectionStatusLabels: Record<Language, Record<LiveStatus, string>> = {
  id: {
    idle: 'Belum terhubung',
    connecting: 'Menghubungkan…',
    syncing: 'Menyinkronkan data…',
    live: 'Langsung',
    reconnecting: 'Koneksi terputus, menyambung ulang…',
    error: 'Gangguan koneksi',
    closed: 'Terputus',
  },
  en: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    syncing: 'Syncing data…',
    live: 'Live',
    reconnecting: 'Connection lost, reconnecting…',
    error: 'Connection problem',
    closed: 'Disconnected',
  },
};
