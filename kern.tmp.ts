import { benchKernel } from './bench/kernel'
for (let i = 0; i < 3; i++) console.log(benchKernel(100, 3_000_000))
