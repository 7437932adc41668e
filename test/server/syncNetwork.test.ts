import { describeSyncContract } from './syncContract';

describeSyncContract('network');
