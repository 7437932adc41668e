import { safeStorage } from 'electron';
import { keyFileSecrets, type Secrets } from '../core/infra/secrets';

const TAG = Buffer.from('ss1');

/**
 * The OS keychain through Electron's safeStorage. Where it has none (Linux without a secret
 * service falls back to a hard-coded key), use the 0600 key file instead.
 */
export function electronSecrets(keyFilePath: string): Secrets {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    return keyFileSecrets(keyFilePath);
  }
  const fallback = keyFileSecrets(keyFilePath);
  return {
    encrypt: (plain) => Buffer.concat([TAG, safeStorage.encryptString(plain)]),
    decrypt: (data) =>
      data.subarray(0, TAG.length).equals(TAG)
        ? safeStorage.decryptString(data.subarray(TAG.length))
        : fallback.decrypt(data),
  };
}
