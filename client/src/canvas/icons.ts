/**
 * Every icon the canvas and its panels draw, one deep import each (as client/src/components/icons.ts
 * does: the `lucide-solid` barrel makes Vite transform all ~4,000 icons on every build).
 *
 * `COMPONENT_ICONS` maps the lucide names the catalog uses (`ComponentDef.icon`) to components;
 * a test fails when the catalog names an icon missing here, and unknown names fall back to their
 * category's icon, so a card is never iconless.
 *
 * The per-icon typings are CommonJS-flavoured, so under NodeNext TypeScript sees the default export
 * one level down; at runtime (Vite, ESM) it is the component itself. `asIcon` states that once.
 */
import type { LucideProps } from 'lucide-solid';
import ActivityIcon from 'lucide-solid/icons/activity';
import BinaryIcon from 'lucide-solid/icons/binary';
import BlendIcon from 'lucide-solid/icons/blend';
import BoxIcon from 'lucide-solid/icons/box';
import BoxesIcon from 'lucide-solid/icons/boxes';
import BrainIcon from 'lucide-solid/icons/brain';
import BrainCircuitIcon from 'lucide-solid/icons/brain-circuit';
import ChartLineIcon from 'lucide-solid/icons/chart-line';
import ChartNoAxesCombinedIcon from 'lucide-solid/icons/chart-no-axes-combined';
import ChartScatterIcon from 'lucide-solid/icons/chart-scatter';
import ChartSplineIcon from 'lucide-solid/icons/chart-spline';
import ChevronDownIcon from 'lucide-solid/icons/chevron-down';
import ChevronRightIcon from 'lucide-solid/icons/chevron-right';
import CircleAlertIcon from 'lucide-solid/icons/circle-alert';
import CircleDotIcon from 'lucide-solid/icons/circle-dot';
import Columns3Icon from 'lucide-solid/icons/columns-3';
import CrosshairIcon from 'lucide-solid/icons/crosshair';
import DatabaseIcon from 'lucide-solid/icons/database';
import EraserIcon from 'lucide-solid/icons/eraser';
import FileDownIcon from 'lucide-solid/icons/file-down';
import FileSpreadsheetIcon from 'lucide-solid/icons/file-spreadsheet';
import Flower2Icon from 'lucide-solid/icons/flower-2';
import FunnelIcon from 'lucide-solid/icons/funnel';
import GaugeIcon from 'lucide-solid/icons/gauge';
import GitBranchIcon from 'lucide-solid/icons/git-branch';
import GitForkIcon from 'lucide-solid/icons/git-fork';
import Grid2x2CheckIcon from 'lucide-solid/icons/grid-2x2-check';
import Grid3x3Icon from 'lucide-solid/icons/grid-3x3';
import GripVerticalIcon from 'lucide-solid/icons/grip-vertical';
import HeartPulseIcon from 'lucide-solid/icons/heart-pulse';
import InfoIcon from 'lucide-solid/icons/info';
import LayersIcon from 'lucide-solid/icons/layers';
import LayoutGridIcon from 'lucide-solid/icons/layout-grid';
import ListChecksIcon from 'lucide-solid/icons/list-checks';
import ListOrderedIcon from 'lucide-solid/icons/list-ordered';
import MapIconModule from 'lucide-solid/icons/map';
import MaximizeIcon from 'lucide-solid/icons/maximize';
import MergeIcon from 'lucide-solid/icons/merge';
import MinusIcon from 'lucide-solid/icons/minus';
import MousePointer2Icon from 'lucide-solid/icons/mouse-pointer-2';
import MoveHorizontalIcon from 'lucide-solid/icons/move-horizontal';
import PaintBucketIcon from 'lucide-solid/icons/paint-bucket';
import PlayIcon from 'lucide-solid/icons/play';
import PlusIcon from 'lucide-solid/icons/plus';
import RocketIcon from 'lucide-solid/icons/rocket';
import RotateCcwIcon from 'lucide-solid/icons/rotate-ccw';
import SaveIcon from 'lucide-solid/icons/save';
import ScalingIcon from 'lucide-solid/icons/scaling';
import SearchIcon from 'lucide-solid/icons/search';
import Settings2Icon from 'lucide-solid/icons/settings-2';
import ShieldIcon from 'lucide-solid/icons/shield';
import SigmaIcon from 'lucide-solid/icons/sigma';
import SlidersHorizontalIcon from 'lucide-solid/icons/sliders-horizontal';
import SparklesIcon from 'lucide-solid/icons/sparkles';
import SplineIcon from 'lucide-solid/icons/spline';
import SplitIcon from 'lucide-solid/icons/split';
import SuperscriptIcon from 'lucide-solid/icons/superscript';
import TableIcon from 'lucide-solid/icons/table';
import TargetIcon from 'lucide-solid/icons/target';
import TreesIcon from 'lucide-solid/icons/trees';
import TrendingUpIcon from 'lucide-solid/icons/trending-up';
import TriangleAlertIcon from 'lucide-solid/icons/triangle-alert';
import UsersIcon from 'lucide-solid/icons/users';
import WandSparklesIcon from 'lucide-solid/icons/wand-sparkles';
import WineIcon from 'lucide-solid/icons/wine';
import WorkflowIcon from 'lucide-solid/icons/workflow';
import XIcon from 'lucide-solid/icons/x';
import ZapIcon from 'lucide-solid/icons/zap';
import type { Component } from 'solid-js';
import type { ComponentCategory } from '../../../shared/catalog/types.ts';

export type IconComponent = Component<LucideProps>;
const asIcon = (module: unknown): IconComponent => module as IconComponent;

export const ChevronDown = asIcon(ChevronDownIcon);
export const ChevronRight = asIcon(ChevronRightIcon);
export const CircleAlert = asIcon(CircleAlertIcon);
export const GripVertical = asIcon(GripVerticalIcon);
export const LayoutGrid = asIcon(LayoutGridIcon);
export const Maximize = asIcon(MaximizeIcon);
export const Minus = asIcon(MinusIcon);
export const Plus = asIcon(PlusIcon);
export const Search = asIcon(SearchIcon);
export const TriangleAlert = asIcon(TriangleAlertIcon);
export const Workflow = asIcon(WorkflowIcon);
export const X = asIcon(XIcon);
export const RotateCcw = asIcon(RotateCcwIcon);
export const MousePointer2 = asIcon(MousePointer2Icon);
export const Boxes = asIcon(BoxesIcon);
export const Info = asIcon(InfoIcon);
export const MapIcon = asIcon(MapIconModule);

export const COMPONENT_ICONS: Readonly<Record<string, IconComponent>> = {
  activity: asIcon(ActivityIcon),
  binary: asIcon(BinaryIcon),
  blend: asIcon(BlendIcon),
  box: asIcon(BoxIcon),
  boxes: asIcon(BoxesIcon),
  brain: asIcon(BrainIcon),
  'brain-circuit': asIcon(BrainCircuitIcon),
  'chart-line': asIcon(ChartLineIcon),
  'chart-no-axes-combined': asIcon(ChartNoAxesCombinedIcon),
  'chart-scatter': asIcon(ChartScatterIcon),
  'chart-spline': asIcon(ChartSplineIcon),
  'circle-dot': asIcon(CircleDotIcon),
  'columns-3': asIcon(Columns3Icon),
  crosshair: asIcon(CrosshairIcon),
  database: asIcon(DatabaseIcon),
  eraser: asIcon(EraserIcon),
  'file-down': asIcon(FileDownIcon),
  'file-spreadsheet': asIcon(FileSpreadsheetIcon),
  'flower-2': asIcon(Flower2Icon),
  funnel: asIcon(FunnelIcon),
  gauge: asIcon(GaugeIcon),
  'git-branch': asIcon(GitBranchIcon),
  'git-fork': asIcon(GitForkIcon),
  'grid-2x2-check': asIcon(Grid2x2CheckIcon),
  'grid-3x3': asIcon(Grid3x3Icon),
  'heart-pulse': asIcon(HeartPulseIcon),
  layers: asIcon(LayersIcon),
  'list-checks': asIcon(ListChecksIcon),
  'list-ordered': asIcon(ListOrderedIcon),
  merge: asIcon(MergeIcon),
  'move-horizontal': asIcon(MoveHorizontalIcon),
  'paint-bucket': asIcon(PaintBucketIcon),
  play: asIcon(PlayIcon),
  rocket: asIcon(RocketIcon),
  save: asIcon(SaveIcon),
  scaling: asIcon(ScalingIcon),
  'settings-2': asIcon(Settings2Icon),
  shield: asIcon(ShieldIcon),
  sigma: asIcon(SigmaIcon),
  'sliders-horizontal': asIcon(SlidersHorizontalIcon),
  sparkles: asIcon(SparklesIcon),
  spline: asIcon(SplineIcon),
  split: asIcon(SplitIcon),
  superscript: asIcon(SuperscriptIcon),
  table: asIcon(TableIcon),
  target: asIcon(TargetIcon),
  trees: asIcon(TreesIcon),
  'trending-up': asIcon(TrendingUpIcon),
  users: asIcon(UsersIcon),
  'wand-sparkles': asIcon(WandSparklesIcon),
  wine: asIcon(WineIcon),
  zap: asIcon(ZapIcon),
  // lucide renamed `filter` to `funnel`; the old name has no typings of its own.
  filter: asIcon(FunnelIcon),
};

export const CATEGORY_ICONS: Readonly<Record<ComponentCategory, IconComponent>> = {
  data: asIcon(DatabaseIcon),
  prepare: asIcon(FunnelIcon),
  preprocess: asIcon(SlidersHorizontalIcon),
  model: asIcon(BrainCircuitIcon),
  tune: asIcon(Settings2Icon),
  evaluate: asIcon(GaugeIcon),
  output: asIcon(SaveIcon),
};

export function iconFor(name: string | undefined, category: ComponentCategory | undefined): IconComponent {
  return (
    (name ? COMPONENT_ICONS[name] : undefined) ?? (category ? CATEGORY_ICONS[category] : asIcon(BoxIcon))
  );
}
