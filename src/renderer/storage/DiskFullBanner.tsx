import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageStatus } from '../../shared/api/storage';
import { useStores } from '../app/stores';
import { Button } from '../ui/Button';

/**
 * While the disk is full: a banner that stays until space returns (LeadPhone is read-only
 * meanwhile), then a line saying saving works again. Main says when either happens
 * (`storage.changed`); a window that connects later asks (`storage.status`).
 */
export function DiskFullBanner() {
  const { t } = useTranslation();
  const { client } = useStores();
  const [full, setFull] = useState(false);
  const [back, setBack] = useState(false);
  const wasFull = useRef(false);

  useEffect(() => {
    let live = true;
    const show = (s: StorageStatus) => {
      if (!live) return;
      setBack(wasFull.current && !s.diskFull);
      wasFull.current = s.diskFull;
      setFull(s.diskFull);
    };
    const ask = () =>
      client.call('storage.status', {}).then(show, () => {
        // Not answered (a damaged file, a lost connection): other screens say so.
      });
    void ask();
    const offs = [client.on('storage.changed', show), client.on('connection.restored', ask)];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [client]);

  if (full) {
    return (
      <div className="disk-full" role="alert">
        <strong>{t('storage.fullTitle')}</strong> {t('storage.fullBody')}
      </div>
    );
  }
  if (!back) return null;
  return (
    <p className="notice" role="status">
      {t('storage.back')} <Button onClick={() => setBack(false)}>{t('storage.dismiss')}</Button>
    </p>
  );
}
