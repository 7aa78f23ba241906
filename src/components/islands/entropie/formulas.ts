/**
 * One sigmoid output p = σ(z) whose correct answer is y = 1, judged by two losses:
 * - cross-entropy L = −ln p, whose gradient with respect to the logit z is p − 1;
 * - squared error L = (1 − p)², whose gradient is 2(p − 1)·σ′(z) = −2(1 − p)·p(1 − p).
 * The factor σ′(z) = p(1 − p) of the second one vanishes when p → 0: a neuron that is
 * confidently wrong barely learns with the squared error. Pure: no DOM.
 */
import { activations } from '../../../nn';

/** The logit z such that σ(z) = p, for p in (0, 1): z = ln(p / (1 − p)). */
export const logitOf = (p: number): number => Math.log(p / (1 - p));

/** Cross-entropy of the correct class: −ln p. */
export const crossEntropy = (p: number): number => -Math.log(p);

/** Squared error against the target 1: (1 − p)². */
export const squaredError = (p: number): number => (1 - p) ** 2;

/** ∂(−ln σ(z))/∂z = σ(z) − 1 = p − 1. */
export const crossEntropyGradient = (p: number): number => p - 1;

/** ∂((1 − σ(z))²)/∂z = −2(1 − p)·σ′(z), with σ′(z) = p(1 − p). */
export const squaredErrorGradient = (p: number): number => -2 * (1 - p) * activations.sigmoid.df(logitOf(p));

/**
 * How many times harder cross-entropy pushes z than the squared error:
 * (1 − p) / (2(1 − p)·p(1 − p)) = 1 / (2p(1 − p)), at least 2 (at p = 0,5).
 */
export const pushRatio = (p: number): number => crossEntropyGradient(p) / squaredErrorGradient(p);
