# SPDX-License-Identifier: LGPL-2.1-or-later
# chart.gp - bench.png from build/bench.dat (written by run.py): for each
# operation the ratios ours/builtin and ours/raw nettle, on a log scale, with
# the 1x line.  gnuplot -e "datafile='...'; outfile='...'" chart.gp
set terminal pngcairo size 1400,700 font "sans,10"
set output outfile
set title "CryptoAPI on nettle: our full stack against Wine's builtin DLLs and raw nettle (higher is better)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y 10
set yrange [0.05:*]
set ylabel "ratio (x)"
set grid ytics
set xtics rotate by -50 scale 0 noenhanced
set key top right
set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 lc rgb "black" front
plot datafile using 2:xtic(1) title "ours / builtin" lc rgb "#2a6fb0", \
     '' using 3 title "ours / raw nettle" lc rgb "#e08a1e"
