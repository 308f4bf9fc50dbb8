import { accessibilita } from './accessibilita.ts';
import { acquedotto } from './acquedotto.ts';
import { altro } from './altro.ts';
import { animali } from './animali.ts';
import { arredo } from './arredo.ts';
import { buche } from './buche.ts';
import { cimiteri } from './cimiteri.ts';
import { disinfestazione } from './disinfestazione.ts';
import { graffiti } from './graffiti.ts';
import { illuminazione } from './illuminazione.ts';
import { parchiGioco } from './parchi-gioco.ts';
import { rifiuti } from './rifiuti.ts';
import { segnaletica } from './segnaletica.ts';
import { tombini } from './tombini.ts';
import type { SeedExample } from './types.ts';
import { verde } from './verde.ts';

export type { Priority, SeedExample } from './types.ts';

/**
 * The seed corpus: hand-written examples of citizens' reports for every default category. A new tenant's
 * model is trained on it; the tenant's confirmed reports are added as they come.
 */
export const SEED_CORPUS: readonly SeedExample[] = [
  ...buche,
  ...verde,
  ...segnaletica,
  ...rifiuti,
  ...arredo,
  ...tombini,
  ...parchiGioco,
  ...disinfestazione,
  ...illuminazione,
  ...cimiteri,
  ...accessibilita,
  ...animali,
  ...acquedotto,
  ...graffiti,
  ...altro,
];
