// The parts of ECharts the capacity chart uses, and nothing else: imported dynamically by
// CapacityChart so that ECharts is a chunk of its own, fetched only when a chart is shown.
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { init };
