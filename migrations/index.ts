import * as migration_20261127_011935_initial from './20261127_011935_initial';
import * as migration_20261127_014110_content_model from './20261127_014110_content_model';

export const migrations = [
  {
    up: migration_20261127_011935_initial.up,
    down: migration_20261127_011935_initial.down,
    name: '20261127_011935_initial',
  },
  {
    up: migration_20261127_014110_content_model.up,
    down: migration_20261127_014110_content_model.down,
    name: '20261127_014110_content_model'
  },
];
