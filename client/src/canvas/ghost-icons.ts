/**
 * Icons of the suggestion ghosts and list, one deep import each (see icons.ts for why), kept
 * beside the ghosts so the shared icon list is not a file two features edit at once.
 */
import type { LucideProps } from 'lucide-solid';
import CheckIcon from 'lucide-solid/icons/check';
import CheckCheckIcon from 'lucide-solid/icons/check-check';
import LocateFixedIcon from 'lucide-solid/icons/locate-fixed';
import SparklesIcon from 'lucide-solid/icons/sparkles';
import XIcon from 'lucide-solid/icons/x';
import type { Component } from 'solid-js';

const asIcon = (module: unknown): Component<LucideProps> => module as Component<LucideProps>;

export const Check = asIcon(CheckIcon);
export const CheckCheck = asIcon(CheckCheckIcon);
export const LocateFixed = asIcon(LocateFixedIcon);
export const Sparkles = asIcon(SparklesIcon);
export const X = asIcon(XIcon);
