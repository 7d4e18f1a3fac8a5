import type { NextBuild } from '../../src/server/build'

/** The stock app is built from its own folder and the collection files it strips. */
export const STOCK_BUILD: NextBuild = {
  dir: 'bench/stock',
  inputs: ['bench/stock', 'collections', 'src', 'package-lock.json', 'tsconfig.json'],
  notInBuild: [
    'bench/stock/.next',
    'bench/stock/next-env.d.ts',
    'bench/stock/server.ts',
    'src/server',
    'src/scripts',
    'src/db',
  ],
}
