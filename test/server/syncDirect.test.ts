import { describeSyncContract } from './syncContract';

describeSyncContract('direct');
