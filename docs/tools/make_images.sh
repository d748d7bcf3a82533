#!/bin/sh
# Regenerates every image of the user guide with the app itself (offscreen).
# Run from the repository root:  sh docs/tools/make_images.sh
# A shot above 250 kB is retaken at --size 1280x800; one still above 250 kB is reduced to a
# 256-colour palette by docs/tools/shrink_png.py.
set -e
export NNSIM_SETTINGS_SCOPE=docs-images          # keep the user's settings out of it
export NNSIM_DATA_DIR="${TMPDIR:-/tmp}/nnsim-docs-images"
out=docs/images
mkdir -p "$out"

shot() {   # shot NAME ARGS... : python main.py --screenshot docs/images/NAME.png ARGS...
    name=$1; shift
    python main.py --screenshot "$out/$name.png" "$@"
    if [ "$(stat -c %s "$out/$name.png")" -gt 256000 ]; then
        python main.py --screenshot "$out/$name.png" --size 1280x800 "$@"
    fi
    python docs/tools/shrink_png.py "$out/$name.png"
    echo "$name.png"
}

# the window tour, the dark theme, Portuguese
shot tour --epochs 200 --select h1 xor
shot theme-dark --epochs 200 --theme dark --select h1 circles
shot language-pt_BR --epochs 200 --lang pt_BR --select h1 xor

# one per lesson, after the lesson's "epochs", with its "select" neuron
shot lesson-and --epochs 60 and
shot lesson-xor --epochs 200 xor
shot lesson-circles --epochs 200 circles
shot lesson-circles-h1 --epochs 200 --select h1 circles
shot lesson-square --epochs 300 square
shot lesson-reciprocal --epochs 500 reciprocal
shot lesson-sine --epochs 500 sine
shot lesson-chain-rule --epochs 50 --select h chain-rule
shot lesson-two-neurons --epochs 300 --select z1 two-neurons
shot lesson-vanishing-gradient --epochs 100 vanishing-gradient
shot lesson-exploding-gradient --epochs 30 exploding-gradient    # diverges in epoch 1
shot lesson-dying-relu --epochs 60 dying-relu
shot lesson-dying-relu-h2_1 --epochs 60 --select h2_1 dying-relu
shot lesson-activations --epochs 400 --select sigmoid activations
shot lesson-spiral --epochs 400 spiral
shot lesson-gauss --epochs 100 gauss
shot lesson-moons --epochs 300 moons
shot lesson-acyclic-vs-recurrent --epochs 40 acyclic-vs-recurrent
shot lesson-echo --epochs 100 echo
shot lesson-elman-xor --epochs 150 elman-xor
shot lesson-sine-next --epochs 100 sine-next
shot lesson-vanishing-through-time --epochs 100 vanishing-through-time
shot lesson-acyclic-vs-recurrent-pt_BR --epochs 40 --lang pt_BR acyclic-vs-recurrent
shot lesson-vanishing-through-time-pt_BR --epochs 100 --lang pt_BR vanishing-through-time

# the step animation stopped at one phase (helper script, same window)
python docs/tools/step_screenshot.py "$out/step-forward.png" xor 0
python docs/tools/step_screenshot.py "$out/step-backward.png" xor 4
python docs/tools/step_screenshot.py "$out/step-chain-rule.png" chain-rule 6
python docs/tools/step_screenshot.py "$out/step-two-neurons.png" two-neurons 4

# comparison lessons: the Compare panel's Train pressed; --open K then opens the K-th variant
python docs/tools/compare_screenshot.py "$out/lesson-perceptron-vs-mlp.png" perceptron-vs-mlp
python docs/tools/compare_screenshot.py "$out/lesson-step-vs-sigmoid.png" step-vs-sigmoid
python docs/tools/compare_screenshot.py "$out/lesson-step-vs-sigmoid-step.png" step-vs-sigmoid --open 0 --tab gradients
python docs/tools/compare_screenshot.py "$out/lesson-seeds.png" seeds
python docs/tools/compare_screenshot.py "$out/lesson-seeds-seed0.png" seeds --open 0
python docs/tools/compare_screenshot.py "$out/lesson-learning-rate.png" learning-rate --log
python docs/tools/shrink_png.py "$out"/lesson-perceptron-vs-mlp.png "$out"/lesson-step-vs-sigmoid*.png \
    "$out"/lesson-seeds*.png "$out"/lesson-learning-rate.png
# the exported comparison figure (nnsim compare --out, export --view compare)
python main.py compare seeds --out "$out/compare-seeds.png" --dpi 110 > /dev/null

# the history slider moved back to an earlier epoch
python docs/tools/history_screenshot.py "$out/history-xor.png" xor 200 20

# lessons with remedies ticked in the Lesson panel, then Reset and train
python docs/tools/remedy_screenshot.py "$out/remedy-vanishing-relu-he.png" vanishing-gradient 100 relu_he
python docs/tools/remedy_screenshot.py "$out/remedy-vanishing-batch-norm.png" vanishing-gradient 100 batch_norm
python docs/tools/remedy_screenshot.py "$out/remedy-exploding-clip.png" exploding-gradient 30 clip
python docs/tools/remedy_screenshot.py "$out/remedy-dying-relu-leaky.png" dying-relu 60 leaky
python docs/tools/remedy_screenshot.py "$out/remedy-acyclic-no-delay.png" acyclic-vs-recurrent 40 no_delay

# File > Export > As Code… (the "From nnsim to PyTorch" page)
python docs/tools/code_dialog_screenshot.py "$out/export-code.png" xor 200
echo export-code.png

# recurrent networks in the window (docs/recurrent.md)
python docs/tools/recurrent_screenshot.py "$out/recurrent-offer.png" echo offer
python docs/tools/recurrent_screenshot.py "$out/recurrent-time.png" echo time --epochs 30 --time 7 --select h1 --raise inspector --size 1600x1080
python docs/tools/recurrent_screenshot.py "$out/recurrent-unrolled-backward.png" acyclic-vs-recurrent step --epochs 20 --phase 33 --steps 5
python main.py export echo --view unrolled --out "$out/export-unrolled.png" --epochs 20 --dpi 110
python main.py export echo --view sequence --out "$out/export-sequence.png" --epochs 20 --dpi 110
python main.py export vanishing-through-time --view time-gradients --out "$out/export-time-gradients.png" --dpi 110

python docs/tools/shrink_png.py "$out"/step-*.png "$out"/remedy-*.png "$out"/history-*.png "$out"/recurrent-*.png "$out"/export-*.png
