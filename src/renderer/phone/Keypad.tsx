import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

interface Props {
  /** Called with each key pressed (on screen or typed while the keypad has focus). */
  onKey(key: string): void;
  label: string;
}

/** Twelve phone keys; typing digits, * and # on the keyboard presses them too. */
export function Keypad({ onKey, label }: Props) {
  const { t } = useTranslation();
  return (
    <div
      className="keypad"
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (KEYS.includes(e.key) && !(e.target instanceof HTMLInputElement)) {
          e.preventDefault();
          onKey(e.key);
        }
      }}
    >
      {KEYS.map((key) => (
        <Button
          key={key}
          className="keypad__key"
          aria-label={t('phone.key', { key })}
          onClick={() => onKey(key)}
        >
          {key}
        </Button>
      ))}
    </div>
  );
}
