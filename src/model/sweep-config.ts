import { z } from 'zod';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One swept parameter: a list of values (a value may itself be a list, e.g. hidden layers), a
 * range `{min, max, step}` (every step in grid, one of them at random), a log-uniform range
 * `{min, max, log: true}` (random; grid needs `count` points spaced evenly in log), or
 * `{min, max}` (uniform at random; grid needs `count`).
 */
export const SweepParameterSchema = z.union([
  z.array(z.union([Scalar, z.array(Scalar)])).min(1),
  z
    .object({
      min: z.number(),
      max: z.number(),
      step: z.number().positive().optional(),
      log: z.boolean().default(false),
      count: z.number().int().min(2).optional(),
    })
    .strict()
    .refine((r) => r.max >= r.min, { message: 'max must be at least min' })
    .refine((r) => !r.log || r.min > 0, { message: 'a log range needs min > 0' })
    .refine((r) => !(r.log && r.step !== undefined), { message: 'a log range takes count, not step' }),
]);
export type SweepParameter = z.infer<typeof SweepParameterSchema>;

/** train.yml `sweep:`. Parameter names are dotted train.yml paths (`training.learning_rate`). */
export const SweepConfigSchema = z
  .object({
    method: z.enum(['grid', 'random']).default('grid'),
    parameters: z
      .record(z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, 'a dotted train.yml path such as training.learning_rate'), SweepParameterSchema)
      .refine((p) => Object.keys(p).length > 0, { message: 'name at least one parameter' }),
    /** Grid: at most this many of the combinations (in order); random: how many to draw (required). */
    max_trials: z.number().int().positive().optional(),
    seed: z.number().int().default(0),
    /** The validation metric trials are ranked by; default the gate's primary metric (accuracy, or rmse for regression). */
    metric: z.string().min(1).optional(),
    /** Default: maximize, or minimize for an error or loss metric. */
    goal: z.enum(['maximize', 'minimize']).optional(),
  })
  .strict()
  .refine((s) => s.method !== 'random' || s.max_trials !== undefined, { message: 'method random needs max_trials', path: ['max_trials'] });
export type SweepConfig = z.infer<typeof SweepConfigSchema>;
