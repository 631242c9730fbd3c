# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The gnuplot comparison for `two-hats --export-chart`: the same quadrant
# chart from scores computed beforehand (bench-gen --points writes them:
# management, leadership, name, tab-separated) — tinted quadrants,
# threshold lines, a dot and a name per participant, a title — at
# 1600×1200 pixels (PNG) or 16×12 inches (PDF).  Labels may overlap.
#
#   gnuplot -e "points='p.tsv'; out='c.png'; kind='png'" chart.gp

if (kind eq 'pdf') {
  set terminal pdfcairo size 16in,12in font 'DejaVu Sans,10'
} else {
  set terminal pngcairo size 1600,1200 font 'DejaVu Sans,10'
}
set output out
set datafile separator '\t'
set xrange [0:100]
set yrange [0:100]
set xlabel 'Management'
set ylabel 'Leadership'
set title 'Benchmark workshop' font ',20'
set object 1 rectangle from 50,50 to 100,100 fillcolor rgb '#cce5cc' fillstyle solid noborder behind
set object 2 rectangle from 0,50 to 50,100 fillcolor rgb '#cce0f5' fillstyle solid noborder behind
set object 3 rectangle from 50,0 to 100,50 fillcolor rgb '#fbe3c8' fillstyle solid noborder behind
set object 4 rectangle from 0,0 to 50,50 fillcolor rgb '#e6e6e6' fillstyle solid noborder behind
set label 'Both hats' at 75,98 center font ',16'
set label 'Leadership-driven' at 25,98 center font ',16'
set label 'Management-driven' at 75,48 center font ',16'
set label 'Still developing' at 25,48 center font ',16'
set arrow from 50,0 to 50,100 nohead lc rgb '#555555'
set arrow from 0,50 to 100,50 nohead lc rgb '#555555'
unset key
plot points using 1:2 with points pt 7 ps 0.8 lc rgb '#0072b2', \
     '' using 1:2:3 with labels offset 0.5,0.3 left font ',8'
