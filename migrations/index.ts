import * as migration_20261127_011935_initial from './20261127_011935_initial';

export const migrations = [
  {
    up: migration_20261127_011935_initial.up,
    down: migration_20261127_011935_initial.down,
    name: '20261127_011935_initial'
  },
];
