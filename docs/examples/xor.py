"""XOR with two hidden neurons: the network drawn in nnsim, as a PyTorch program.

Everything is here: the network exactly as drawn, its weights after 200 epochs of
training in nnsim, the points it learned from and nnsim's training settings. It computes
in float64, as nnsim does, so its numbers are nnsim's: the same outputs and, exported
untrained (nnsim export --untrained), the same losses epoch by epoch. It needs only
PyTorch and NumPy.

Train it:        python xor.py [--epochs N]
Or import it:
    from xor import build_model, load_data, train
    model = build_model()                           # the network with these weights
    X_train, Y_train, X_test, Y_test = load_data()
    y = model(X_test)                               # its outputs, a row per point
    history = train(model, 10)                      # train it for 10 epochs

train() starts a new run from the weights it is given: the optimiser's memory empty and
the shuffling from the seed, as nnsim does when it opens a saved network.
"""

import argparse
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # nnsim computes in float64 (double precision)


# --- Settings ---------------------------------------------------------------------------------
# How long train() runs unless told; the environment variable NNSIM_EPOCHS overrides it.
EPOCHS = int(os.environ.get("NNSIM_EPOCHS", 200))
LEARNING_RATE = 0.5  # the size of each gradient step
BATCH_SIZE = 10      # points per step (an epoch's last batch may be smaller)
SHUFFLE = True       # a new random order of the training points each epoch
SEED = 1             # seeds that order, as in nnsim
L1 = 0.0             # penalties that keep the weights (not the biases) small
L2 = 0.0
CLIP = None          # the largest gradient norm; None: no clipping
# Optimiser: plain gradient descent: w ← w − LEARNING_RATE · ∂J/∂w.
# Loss: binary cross-entropy on the sigmoid output (see loss_function).


# --- The network ------------------------------------------------------------------------------
class Network(nn.Module):
    """x1, x2 → h1, h2 (tanh) → y (sigmoid).

    Neurons are arranged in layers by depth (the longest path from an input), as nnsim
    arranges them; every neuron computes g = Σ w·a + b over the neurons that feed it,
    then its output a = f(g). In the code, g1 and a1 are layer 1's g and outputs, and
    so on; a0 holds the input neurons."""

    def __init__(self):
        super().__init__()
        # Layer 1: h1, h2 (tanh)
        self.layer1 = nn.Linear(2, 2)  # x1, x2 → h1, h2
        # Outputs: y (sigmoid)
        self.layer2 = nn.Linear(2, 1)  # h1, h2 → y

    def output_g(self, x):
        """g of the output neurons, before their activation, for raw inputs x (N, 2)
        (the loss works from g: see loss_function)."""
        a0 = x  # the input neurons: x1, x2
        # Layer 1: h1, h2 (tanh)
        g1 = self.layer1(a0)
        a1 = torch.tanh(g1)
        # Outputs: y (sigmoid, applied in output_activation)
        g2 = self.layer2(a1)
        return g2

    def output_activation(self, g):
        """The outputs from their g: y = sigmoid(g)."""
        return torch.sigmoid(g)

    def forward(self, x):
        """The outputs for raw inputs x: shape (N, 2) → (N, 1), columns y."""
        return self.output_activation(self.output_g(x))


# --- The weights ------------------------------------------------------------------------------
# Its weights after 200 epochs of training in nnsim.
# In every matrix a row is a neuron and its columns are the neurons it reads (named beside
# the first row).
WEIGHTS = {
    "layer1.weight": [[-3.526860638394344, -3.389115134903343],  # h1 ← x1, x2
                      [ 4.26242940851357,   4.284811302640392]],  # h2
    "layer1.bias": [4.841676095490674, -2.246707875072833],  # h1, h2
    "layer2.weight": [[6.657857162135868, 6.6113986604162385]],  # y ← h1, h2
    "layer2.bias": [-5.752142921501668],  # y
}


def build_model():
    """The network with the exported weights."""
    model = Network()
    model.load_state_dict({name: torch.tensor(value) for name, value in WEIGHTS.items()})
    return model


# --- The data ---------------------------------------------------------------------------------
def targets(labels):
    """What the output should be: 1 for class 1, 0 for class 0; a label above 0 is class 1."""
    return torch.where(labels > 0, 1.0, 0.0)[:, None]


def load_data():
    """(X_train, Y_train, X_test, Y_test) as float64 tensors: the raw inputs, a row per
    point, and the targets the outputs are compared with. The points themselves are
    written at the end (TRAIN_POINTS, TEST_POINTS)."""
    train = torch.tensor(TRAIN_POINTS, dtype=torch.float64).reshape(-1, 3)
    test = torch.tensor(TEST_POINTS, dtype=torch.float64).reshape(-1, 3)
    return train[:, :2], targets(train[:, 2]), test[:, :2], targets(test[:, 2])


# --- The loss ---------------------------------------------------------------------------------
def loss_function(g, y, t):
    """Binary cross-entropy J = −(1/N) Σ [t·ln y + (1 − t)·ln(1 − y)] with y = σ(g),
    computed from g (as nnsim does) so that it never takes the log of 0."""
    return F.binary_cross_entropy_with_logits(g, t, reduction="sum") / len(t)


def penalty(model):
    """L1 and L2 penalties on the weights (not on the biases): L1·Σ|w| + L2/2·Σw²."""
    total = 0.0
    for name, w in model.named_parameters():
        if name.endswith("weight"):
            total = total + L1 * w.abs().sum() + L2 / 2 * (w * w).sum()
    return total


def accuracy(y, t):
    """The share of points classified right: class 1 where the output is above 0.5."""
    return float(((y[:, 0] > 0.5) == (t[:, 0] > 0.5)).double().mean())


# --- The optimiser ----------------------------------------------------------------------------
def make_optimizer(model):
    """Plain gradient descent: w ← w − LEARNING_RATE · ∂J/∂w."""
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def finite_step(loss, model):
    """Whether a step's numbers are still finite: its loss and its gradient. Once one
    overflows (inf or NaN), training has diverged."""
    return math.isfinite(loss.item()) and all(
        bool(torch.isfinite(p.grad).all()) for p in model.parameters() if p.grad is not None)


def clip_gradients(model):
    """When the gradient's overall size (its norm over every parameter) exceeds CLIP, scale
    it down to CLIP. Written out: torch.nn.utils.clip_grad_norm_ adds 1e-6 to the norm."""
    if CLIP is None:
        return
    grads = [p.grad for p in model.parameters() if p.grad is not None]
    norm = math.sqrt(sum(float((g * g).sum()) for g in grads))
    if norm > CLIP:
        for g in grads:
            g.mul_(CLIP / norm)


# --- Training ---------------------------------------------------------------------------------
def evaluate(model, data):
    """Loss and accuracy over the training and the test points."""
    model.eval()
    result = {}
    with torch.no_grad():
        for part, X, T in (("train", data[0], data[1]), ("test", data[2], data[3])):
            if len(X) == 0:
                result[part + "_loss"] = result[part + "_accuracy"] = float("nan")
                continue
            g = model.output_g(X)
            y = model.output_activation(g)
            result[part + "_loss"] = float(loss_function(g, y, T))
            result[part + "_accuracy"] = accuracy(y, T)
    return result


def train(model, epochs=EPOCHS, data=None, print_every=1):
    """Train as nnsim does: the same mini-batches in the same order, the same arithmetic.
    Returns the history: a dict per epoch with its losses and accuracy."""
    if data is None:
        data = load_data()
    X_train, Y_train = data[0], data[1]
    optimizer = make_optimizer(model)
    shuffling = np.random.default_rng([SEED, 1])  # nnsim's shuffling: the same seed, the same order
    n = len(X_train)
    batch_size = min(BATCH_SIZE, n)
    history = []
    diverged = False
    for epoch in range(1, epochs + 1):
        order = shuffling.permutation(n) if SHUFFLE else np.arange(n)
        model.train()  # training mode (it matters for batch norm only)
        for start in range(0, n, batch_size):
            rows = torch.from_numpy(order[start:start + batch_size])
            x, t = X_train[rows], Y_train[rows]
            g = model.output_g(x)                                    # forward
            loss = loss_function(g, model.output_activation(g), t) + penalty(model)
            optimizer.zero_grad()
            loss.backward()                                          # backward: ∂J/∂w
            clip_gradients(model)
            if not finite_step(loss, model):
                diverged = True  # the numbers overflowed: stop before this update, as nnsim does
                break
            optimizer.step()                                         # update the weights
        record = {"epoch": epoch, **evaluate(model, data)}
        if diverged or not math.isfinite(record["train_loss"]):
            # as in nnsim, an epoch that overflowed does not count
            print(f"training diverged at epoch {epoch}: try a smaller LEARNING_RATE, or set CLIP")
            break
        history.append(record)
        if print_every and (epoch % print_every == 0 or epoch == epochs):
            print(report(record))
    return history


def report(record):
    """One line per epoch; — where there is nothing to measure (no test points, say)."""
    def shown(key, form):
        return format(record[key], form) if math.isfinite(record[key]) else "—"
    return (f"epoch {record['epoch']:4d}   train loss {shown('train_loss', '.6f')}   "
            f"test loss {shown('test_loss', '.6f')}   test accuracy {shown('test_accuracy', '.1%')}")


# --- The points -------------------------------------------------------------------------------
# The points nnsim trained and tested on: the "xor" data set, 200 samples, noise 0.1, seed 0;
# 100 for training, 100 for testing. A row per point: x1, x2, label.
TRAIN_POINTS = [
    [ 0.7674969225361166,    -0.021879166393254573, 1],
    [-0.04368683255972816,    0.051984173097764125, 0],
    [ 0.10301551978238768,    1.0176812463730525,   1],
    [-0.028312506567953474,   1.1643251614242698,   1],
    [-0.024790845527908615,  -0.14250901432432644,  0],
    [ 1.0806139358515021,    -0.0476376747401162,   1],
    [ 0.9196268151479323,     0.10801634125378852,  1],
    [ 0.02146591225063409,    1.035537270903992,    1],
    [ 0.09426218402198769,    0.07189405658150542,  0],
    [ 1.0362502499191049,     1.0443991399646668,   0],
    [-0.07037352358069926,   -0.12654214710460526,  0],
    [-0.11841179667571891,    0.9338297427960965,   1],
    [ 1.0339620008248642,     0.04237713528533473,  1],
    [-0.00072113596587565,   -0.056119811040915915, 0],
    [-0.12590655321041203,    0.15139237747390627,  0],
    [ 0.13458754237823045,    1.0781311400700428,   1],
    [-0.23653039062769743,    1.122868371920342,    1],
    [-0.02072657954706782,   -0.05810325725119153,  0],
    [ 0.9300033457686675,     0.8526856925334375,   0],
    [ 0.9295860437719833,    -0.045307444366871424, 1],
    [-0.12609602800655342,    1.0832894449360835,   1],
    [ 0.12043962915330844,    0.1590700787126062,   0],
    [ 0.9212807257842842,     0.05802844167243076,  1],
    [-0.0011533061686586777,  0.8514624815736455,   1],
    [ 1.0300685114294605,    -0.010607225344775094, 1],
    [ 0.01885191925124656,   -0.06331940901922267,  0],
    [ 0.9795477511600339,    -0.10428601409845047,  1],
    [-0.10430010800715656,    1.0268417079708914,   1],
    [ 0.1296915399800524,    -0.0345672529464465,   0],
    [ 0.04116305363741329,    1.1042513369442677,   1],
    [ 0.9922654940275784,    -0.2016660690233245,   1],
    [ 1.0639852075172378,     0.07543689046395509,  1],
    [-0.014704550684633312,   0.936942201002898,    1],
    [-0.08307519568543376,    1.2345808073840667,   1],
    [-0.19016352983759946,    0.9891085272092577,   1],
    [ 1.0613189077859007,     0.984780704159171,    0],
    [-0.09755828305996582,    0.9978309140486264,   1],
    [ 0.8960761185220814,     0.023566606953963426, 1],
    [ 0.9542274174332661,     0.022019512347004944, 1],
    [ 0.10023982728439579,    0.9847661364175764,   1],
    [ 0.14022648267725224,    0.11501656361496922,  0],
    [-0.04765790405584138,    1.138897997483831,    1],
    [ 0.8470907125071554,     1.2026779095243194,   0],
    [ 1.037122741773626,      1.0382757160270761,   0],
    [ 0.08730421526217066,   -0.12803939447145732,  0],
    [-0.028738770780866632,   1.1574408278844586,   1],
    [ 0.8713425533262356,     1.1422378505248447,   0],
    [ 0.9041066292205778,     1.0562397677292958,   0],
    [ 0.8055735024014455,     0.8692246803098852,   0],
    [ 0.9133492642723102,     1.012254409553604,    0],
    [ 0.9736211839459376,     0.9536675860290129,   0],
    [ 0.9464330626838889,     0.03615950549094848,  1],
    [ 1.1760667296993124,     0.019921798301385702, 1],
    [ 0.9418359163590497,     1.0109279697477813,   0],
    [ 0.016100957671534466,  -0.05855288241233367,  0],
    [-0.16051493968851138,    1.0729349404017856,   1],
    [ 1.0581165812412805,     1.1294558819441116,   0],
    [ 0.07875882217058694,    0.08440786805785921,  0],
    [-0.02206612078160866,    0.9470469540874331,   1],
    [ 1.0052028974259886,     1.0683686190776533,   0],
    [ 0.9567214152817403,    -0.07354832923422751,  1],
    [-0.0796086775095104,    -0.04872181564246916,  0],
    [ 0.16473390663561,       0.09174879834442944,  0],
    [-0.03244718562854392,   -0.12212233497261363,  0],
    [ 0.10868307847683634,   -0.005060406311134241, 0],
    [ 0.03645673438263235,    0.9605428741576288,   1],
    [ 1.0558339961695142,     0.6227724843877266,   0],
    [-0.05000084331847482,    0.13604462024852576,  0],
    [-0.07434992493538084,    0.907827462374158,    1],
    [-0.08496059556101432,   -0.05106224678981267,  0],
    [ 0.9632597400621901,     0.02187859889352313,  1],
    [ 0.013573073406713439,   1.2310363486795888,   1],
    [ 1.1462842285184578,     1.027812630180803,    0],
    [ 1.1594156900338215,    -0.10954720366375337,  1],
    [ 0.9195694354717573,    -0.028998189606931388, 1],
    [-0.19349596366097072,    0.9760063328741964,   1],
    [ 0.06941719367070082,    0.9241630249101591,   1],
    [ 0.8905503687370354,     0.9396708115857753,   0],
    [ 0.6893663198716709,     0.8857721043368081,   0],
    [ 0.9080006397187803,     1.0675064518409438,   0],
    [-0.1341219714076669,     0.8598479785082572,   1],
    [ 1.1203258954116497,     0.06370732356261834,  1],
    [-0.054425898285730995,  -0.031630015636915455, 0],
    [ 1.0916654788824596,     0.03709468350944103,  1],
    [ 1.0351455076187315,    -0.047433298683443925, 1],
    [ 0.03289696294602021,   -0.025857254547392402, 0],
    [-0.061048664606569936,   0.9814226041328414,   1],
    [ 1.1304000045130138,     1.0947080963129243,   0],
    [ 0.8717350755926101,    -0.05856577998413594,  1],
    [ 0.09034701816518087,    0.009401229776087457, 0],
    [ 0.9864954899962987,    -0.07695146401767057,  1],
    [ 0.9563564752856779,    -0.11698019077728641,  1],
    [ 1.1420982022311916,     0.0726093788947765,   1],
    [-0.06676872919350706,    0.016324400572267767, 0],
    [-0.007570152622082312,   0.020211439504395988, 0],
    [ 0.7749858826425409,     0.03863695975663059,  1],
    [ 1.061312313633658,      0.9799670298590432,   0],
    [ 0.9181340148478584,    -0.09690124307582064,  1],
    [ 0.051305213388030506,  -0.029758403894333037, 0],
    [ 0.15834728788021224,    1.132036098708184,    1],
]
TEST_POINTS = [
    [ 0.8722319833613392,     0.06304114907682319,  1],
    [ 1.0957385606841932,    -0.011383634938188147, 1],
    [ 1.0086619262988543,     0.8512927130324601,   0],
    [ 0.03203611893741035,   -0.10725628041289215,  0],
    [-0.07648739652865205,    0.08112544049416356,  0],
    [ 0.7063954553982887,     0.011566182709262591, 1],
    [ 1.0249785371558666,     1.1031453084869471,   0],
    [ 0.02266988564379923,    1.1162421187558458,   1],
    [ 0.8814280194994766,     0.7601767134602229,   0],
    [ 0.9995545866879917,     0.06564749350763359,  1],
    [ 0.0357380410658956,     0.8791681367717828,   1],
    [ 0.034790176197047155,  -0.05567961751531813,  0],
    [ 0.9527412323241515,     1.05863372815313,     0],
    [ 1.0734247596185373,     0.1367378626305671,   1],
    [ 0.9871465337055966,     0.1366463470549686,   1],
    [ 0.09468615879956256,    0.9620798937986849,   1],
    [ 1.0049054613825312,     1.2002392583645256,   0],
    [-0.0781424041677315,    -0.13373972415282914,  0],
    [ 0.8754089052746935,     0.9267732645296548,   0],
    [ 0.14748226520869098,    0.9950244239703032,   1],
    [ 0.01257302210933933,   -0.013210486329130189, 0],
    [ 0.0075593610742885125,  0.8573226149010268,   1],
    [-0.11705308084076832,    0.8565718540325877,   1],
    [-0.08676167643217027,    1.3066036739048896,   1],
    [ 0.9334805326513387,     1.035151007009302,    0],
    [ 1.0418352500889223,     0.9623972849450257,   0],
    [ 1.0358671949170344,     0.13224574697668331,  1],
    [ 0.020191000196010993,   0.9961164961441921,   1],
    [ 1.0633352622824914,    -0.22035098806466508,  1],
    [ 0.8934161978036625,     0.9653878724826827,   0],
    [ 0.04298636948222301,    0.06960427239628685,  0],
    [ 0.006756920600942723,  -0.02912829113936885,  0],
    [-0.015922500991447774,   0.05408455846858077,  0],
    [ 0.05312512156361892,    1.008905603873922,    1],
    [-0.07546057912599312,    0.16891074524436733,  0],
    [ 1.1816475940881144,    -0.00498009690596432,  1],
    [ 0.8911788270880903,    -0.14791378337711042,  1],
    [-0.0005876026696904225,  0.07677891353446865,  0],
    [ 1.0502682849874865,     0.0989713033285805,   1],
    [ 0.06404226504432821,    1.010490011715304,    1],
    [ 1.1066324553166258,    -0.09216339244978113,  1],
    [ 0.029404214297498024,   0.8490227486964272,   1],
    [ 1.0358608067649384,     0.9659689872533791,   0],
    [ 0.08545842348534083,    0.9511030936157955,   1],
    [-0.1256138069727733,     0.8818317024313537,   1],
    [ 0.9527784057223957,    -0.10048010070276965,  1],
    [ 0.8583510633585958,    -0.08274022267661552,  1],
    [ 0.8929455590304234,     0.899731570096718,    0],
    [ 1.0163339945541299,     0.8707353877240658,   0],
    [ 1.0264455630329303,    -0.03139228145364278,  1],
    [ 0.026062974906693983,  -0.002544531669254354, 0],
    [ 0.983570540737471,      0.8925635141771565,   0],
    [ 0.9351399392096665,     1.0678039727123998,   0],
    [-0.029163243041475214,   0.030129217655356012, 0],
    [ 1.084373266230327,      1.1164863981111028,   0],
    [-0.06402624053903738,    0.07323017147112973,  0],
    [ 1.1690568645339396,     0.06221252216057821,  1],
    [-0.03775635052328083,    0.8908853882380805,   1],
    [ 0.10039615758421697,   -0.061790704470760086, 0],
    [ 1.0123378437576183,     0.9351983705810373,   0],
    [ 0.934617139058166,     -0.012961363369276946, 1],
    [-0.13752024000527405,    0.19984814702717296,  0],
    [-0.07130680950592722,    1.0621017853540098,   1],
    [ 0.10669348670051791,    1.0047672731211679,   1],
    [-0.14738879480419592,    0.10288543478031831,  0],
    [ 0.9986085331475906,     1.1041839759212821,   0],
    [ 0.8990381816461264,     0.9790824425128287,   0],
    [ 1.1739367877130134,     0.9504089271557848,   0],
    [-0.06232744625373522,    1.0041325979347244,   1],
    [-0.019127666443013225,   0.9980122988957906,   1],
    [ 0.045168545129509595,  -0.03745680195679353,  0],
    [ 0.11891544124884622,    0.8296455412362702,   1],
    [ 1.0794891067983219,     0.9519554060481789,   0],
    [ 0.8577258231484586,     1.0258452790912989,   0],
    [ 0.9711233494004623,     1.008347535610701,    0],
    [ 0.9804494172166898,     1.0565817846828094,   0],
    [ 1.0783975470061329,     1.149343114522076,    0],
    [-0.09750001191003015,    0.9379570855405097,   1],
    [ 1.0844888780375717,     1.099333620444965,    0],
    [ 0.8231488142913083,    -0.0963854230732174,   1],
    [ 0.03194142202523809,   -0.03589133085386205,  0],
    [ 1.064419052318969,     -0.02299324816033148,  1],
    [ 0.18220113633283233,    0.8679569029986707,   1],
    [ 1.1458020683536958,     1.1960258316449965,   0],
    [ 1.0804716931479499,     1.0852748470574292,   0],
    [-0.04718131547409021,    0.13779509527225212,  0],
    [-0.05685494541476426,   -0.10298044380114638,  0],
    [-0.053000841321815845,   0.9763845370147058,   1],
    [-0.0663535198304047,    -0.06134178486140282,  0],
    [ 0.9338471978184781,     0.09350499881140222,  1],
    [ 0.18016348698661253,    0.131510376473437,    0],
    [ 0.8995212781007006,     0.036746620574561295, 1],
    [ 1.2755807558275951,     1.1041243191694796,   0],
    [-0.03950098754987932,   -0.08794597147043168,  0],
    [ 0.8711638536250446,     1.039512206018201,    0],
    [ 1.003472778835919,     -0.07443606009308561,  1],
    [ 0.12297538109392712,   -0.11053671072691254,  0],
    [ 1.0055364974913554,     0.04121174051283337,  1],
    [-0.11022182990542231,    1.030171609350107,    1],
    [ 0.9617997707856519,     1.255242402537108,    0],
]


# --- Run as a script --------------------------------------------------------------------------
if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the network exported from nnsim.")
    parser.add_argument("--epochs", type=int, default=EPOCHS,
                        help=f"epochs to train (default {EPOCHS}; or set NNSIM_EPOCHS)")
    epochs = parser.parse_args().epochs
    data = load_data()
    model = build_model()
    history = train(model, epochs, data)
    final = evaluate(model, data)
    # The last line: the results as JSON, as `nnsim train --json` prints them, less its
    # diagnostics of the run itself (gradient sizes per layer, dead ReLUs, where a divergence
    # began, warnings, speed), which this program does not measure. After a divergence, the
    # losses are those of the weights training stopped with (null: not a finite number).
    summary = {"epochs": len(history), "train_loss": final["train_loss"],
               "test_loss": final["test_loss"], "train_accuracy": final["train_accuracy"],
               "test_accuracy": final["test_accuracy"],
               "diverged": len(history) < epochs}  # training stops early only when it diverges
    print(json.dumps({key: value if math.isfinite(value) else None
                      for key, value in summary.items()}))
