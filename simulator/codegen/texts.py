"""The notebook's explanations, in the interface's languages (English and Brazilian
Portuguese, in the course's vocabulary). Code and its comments stay in English, as code is
written; the prose a student reads between the cells follows the interface."""
from __future__ import annotations

LANGUAGES = ("en", "pt_BR")

WEIGHTS = {
    "en": {"trained": "its weights after {n} epochs of training in nnsim",
           "untrained": "its untrained weights (those nnsim starts training from)",
           "document": "its weights as the document holds them",
           "window": "its weights as the window showed them (epoch {n})"},
    "pt_BR": {"trained": "seus pesos após {n} épocas de treinamento no nnsim",
              "untrained": "seus pesos sem treinamento (aqueles de onde o nnsim começa a treinar)",
              "document": "seus pesos como o documento os guarda",
              "window": "seus pesos como a janela os mostrava (época {n})"},
}

DATA = {
    "en": {"dataset": 'the "{name}" data set, {samples} samples', "noise": "noise {noise}",
           "classes": "{classes} classes", "seed": "seed {seed}",
           "csv": "the CSV file {csv} (inputs {inputs}, target {target})",
           "points": "{n} points written in the document",
           "train": "the training and test points written in the document",
           "task": 'the "{name}" sequence task, {n} sequences of {length} steps',
           "inline_sequences": "{n} sequences written in the document",
           "lag": "lag", "step": "step"},
    "pt_BR": {"dataset": 'o conjunto de dados "{name}", {samples} amostras', "noise": "ruído {noise}",
              "classes": "{classes} classes", "seed": "semente {seed}",
              "csv": "o arquivo CSV {csv} (entradas {inputs}, alvo {target})",
              "points": "{n} pontos escritos no documento",
              "train": "os pontos de treino e de teste escritos no documento",
              "task": 'a tarefa de sequências "{name}", {n} sequências de {length} passos',
              "inline_sequences": "{n} sequências escritas no documento",
              "lag": "atraso", "step": "passo"},
}

FRAMEWORK_NAMES = {"pytorch": "PyTorch", "numpy": "NumPy"}

CELLS = {
    "en": {
        "intro": """# {title}

The network you drew in nnsim, as a {framework} program: the model exactly as drawn, {weights}, the data it learned from and nnsim's training settings. Everything is computed in float64, as in nnsim, so the numbers are nnsim's: the same outputs and, from the untrained weights, the same losses epoch by epoch.

Run the cells from top to bottom. The environment variable `NNSIM_EPOCHS` sets how many epochs the training cell runs (`NNSIM_EPOCHS=2` for a quick try).""",
        "settings": """## Settings

The training settings nnsim used: the learning rate, the batch size (points per gradient step), the L1 and L2 penalties on the weights, the clipping of the gradient's norm, the shuffling and its seed. Change one and train again to see what it does.""",
        "helpers": """## Inputs and activations

Input neurons may read features computed from the raw inputs (x₁², x₁x₂, sin x₁…); the activation functions that need more than one line are written here as nnsim computes them.""",
        "model:pytorch": """## The network

A `torch.nn.Module` laid out as you drew it. The neurons are grouped in layers by depth (the longest path from an input); each neuron computes g = Σ w·a + b over the neurons that feed it, and outputs a = f(g). One `nn.Linear` holds the weights from one layer to the next; a *skip link* (an edge that jumps over a layer) is a weight matrix from an earlier layer, and connections you did not draw are kept at zero by a mask.""",
        "model:numpy": """## The network

The neurons are grouped in layers by depth (the longest path from an input); each neuron computes g = Σ w·a + b over the neurons that feed it, and outputs a = f(g). `forward` computes every layer's g and a; `backward` applies the chain rule from the outputs back to the first layer (backpropagation) and returns ∂J/∂w for every weight, ∂J/∂b for every bias.""",
        "weights": """## The weights

Here: {weights}. In every matrix a row is a neuron and its columns are the neurons it reads.""",
        "data": """## The data

The points nnsim trained and tested on, written out: {data}. `load_data()` returns the inputs and the targets that the outputs are compared with.""",
        "loss": """## The loss

J measures how far the outputs are from their targets, averaged over the points. The L1 and L2 penalties add L1·Σ|w| + L2/2·Σw² over the weights (not the biases). The accuracy (or R², for a regression) says how good the outputs are.""",
        "optimizer": """## The optimiser

How each step moves the weights against the gradient, and the clipping of the gradient's norm.""",
        "training": """## Training

An epoch visits every training point once, in mini-batches of `BATCH_SIZE` points, in an order shuffled from the seed exactly as nnsim shuffles it. Each step: forward pass, loss, backward pass (∂J/∂w), update. After each epoch the loss and the accuracy over the training and the test points are recorded.""",
        "points": """## The points

The points themselves, a row per point (written out in full, so that they are exactly nnsim's).""",
        "run": """## Train it

From the exported weights, for `EPOCHS` epochs.""",
        "look": """## A few outputs

The first test points, the network's outputs for them and their targets.""",
    },
    "pt_BR": {
        "intro": """# {title}

A rede que você desenhou no nnsim, como um programa em {framework}: o modelo exatamente como desenhado, {weights}, os dados com que aprendeu e as configurações de treinamento do nnsim. Tudo é calculado em float64, como no nnsim, então os números são os do nnsim: as mesmas saídas e, a partir dos pesos sem treinamento, as mesmas perdas época a época.

Execute as células de cima para baixo. A variável de ambiente `NNSIM_EPOCHS` define quantas épocas a célula de treinamento executa (`NNSIM_EPOCHS=2` para um teste rápido).""",
        "settings": """## Configurações

As configurações de treinamento que o nnsim usou: a taxa de aprendizado, o tamanho do lote (pontos por passo do gradiente), as penalidades L1 e L2 sobre os pesos, a poda da norma do gradiente, o embaralhamento e sua semente. Mude uma delas e treine de novo para ver o que ela faz.""",
        "helpers": """## Entradas e funções de ativação

Os neurônios de entrada podem ler atributos calculados a partir das entradas brutas (x₁², x₁x₂, sen x₁…); as funções de ativação que precisam de mais de uma linha estão escritas aqui como o nnsim as calcula.""",
        "model:pytorch": """## A rede

Um `torch.nn.Module` organizado como você desenhou. Os neurônios são agrupados em camadas por profundidade (o caminho mais longo a partir de uma entrada); cada neurônio calcula g = Σ w·a + b sobre os neurônios que o alimentam e produz a saída a = f(g). Um `nn.Linear` guarda os pesos de uma camada para a seguinte; uma *conexão de atalho* (uma aresta que pula uma camada) é uma matriz de pesos vinda de uma camada anterior, e as conexões que você não desenhou são mantidas em zero por uma máscara.""",
        "model:numpy": """## A rede

Os neurônios são agrupados em camadas por profundidade (o caminho mais longo a partir de uma entrada); cada neurônio calcula g = Σ w·a + b sobre os neurônios que o alimentam e produz a saída a = f(g). `forward` calcula o g e o a de cada camada; `backward` aplica a regra da cadeia das saídas de volta até a primeira camada (retropropagação) e devolve ∂J/∂w de cada peso e ∂J/∂b de cada bias.""",
        "weights": """## Os pesos

Aqui: {weights}. Em cada matriz, uma linha é um neurônio e suas colunas são os neurônios que ele lê.""",
        "data": """## Os dados

Os pontos com que o nnsim treinou e testou, escritos por extenso: {data}. `load_data()` devolve as entradas e os alvos com que as saídas são comparadas.""",
        "loss": """## A perda

J mede o quanto as saídas estão longe dos seus alvos, na média sobre os pontos. As penalidades L1 e L2 somam L1·Σ|w| + L2/2·Σw² sobre os pesos (não sobre os bias). A acurácia (ou o R², numa regressão) diz o quanto as saídas estão boas.""",
        "optimizer": """## O otimizador

Como cada passo move os pesos contra o gradiente, e a poda da norma do gradiente.""",
        "training": """## Treinamento

Uma época visita cada ponto de treino uma vez, em lotes de `BATCH_SIZE` pontos, numa ordem embaralhada a partir da semente exatamente como o nnsim embaralha. Cada passo: propagação para a frente, perda, retropropagação (∂J/∂w), atualização. Depois de cada época, a perda e a acurácia sobre os pontos de treino e de teste são registradas.""",
        "points": """## Os pontos

Os próprios pontos, um por linha (escritos por extenso, para serem exatamente os do nnsim).""",
        "run": """## Treine a rede

A partir dos pesos exportados, por `EPOCHS` épocas.""",
        "look": """## Algumas saídas

Os primeiros pontos de teste, as saídas da rede para eles e seus alvos.""",
    },
}


# What changes for a recurrent network on sequences (looked up first, see ``cell``).
SEQUENCE_CELLS = {
    "en": {
        "model": """## The network

It reads each sequence one step at a time. At step t every neuron computes g = Σ w·a + b over the neurons that feed it and outputs a = f(g), as in a feed-forward network; a *delayed* connection (drawn with z⁻¹ in nnsim) reads its source's output of an earlier step instead: the network's memory, 0 before the first step. The same weights serve at every step.""",
        "data": """## The data

The sequences nnsim trained and tested on, written out: {data}. `load_data()` returns the inputs, shape (sequences, steps, inputs), and the targets, NaN where a step has no target; the loss and the accuracy count only the steps that have one.""",
        "training": """## Training

An epoch visits every training sequence once, in mini-batches of `BATCH_SIZE` sequences, in an order shuffled from the seed exactly as nnsim shuffles it. Each step: the forward pass through every time step, the loss averaged over the steps with a target, backpropagation through time (the error flows back from the last step to the first along the delayed connections; `BPTT` truncates it), the update.""",
        "points": """## The sequences

The sequences themselves, a row per sequence (written out in full, so that they are exactly nnsim's).""",
        "accuracies": """## Whole sequences and each step

The share of test sequences with every step that has a target classified right, and the accuracy at each step t over the test sequences (— where no sequence has a target at t): where in the sequence the network gets it right.""",
        "look": """## A few outputs

The first test sequence step by step: its inputs, the network's outputs and the targets.""",
    },
    "pt_BR": {
        "model": """## A rede

Ela lê cada sequência um passo de cada vez. No passo t cada neurônio calcula g = Σ w·a + b sobre os neurônios que o alimentam e produz a saída a = f(g), como numa rede acíclica; uma conexão *com atraso* (desenhada com z⁻¹ no nnsim) lê a saída da sua origem num passo anterior: a memória da rede, 0 antes do primeiro passo. Os mesmos pesos servem a todos os passos.""",
        "data": """## Os dados

As sequências com que o nnsim treinou e testou, escritas por extenso: {data}. `load_data()` devolve as entradas, de forma (sequências, passos, entradas), e os alvos, NaN onde um passo não tem alvo; a perda e a acurácia contam só os passos que têm um.""",
        "training": """## Treinamento

Uma época visita cada sequência de treino uma vez, em lotes de `BATCH_SIZE` sequências, numa ordem embaralhada a partir da semente exatamente como o nnsim embaralha. Cada passo: a propagação para a frente por todos os passos de tempo, a perda na média sobre os passos com alvo, a retropropagação através do tempo (o erro volta do último passo ao primeiro pelas conexões com atraso; `BPTT` a trunca), a atualização.""",
        "points": """## As sequências

As próprias sequências, uma por linha (escritas por extenso, para serem exatamente as do nnsim).""",
        "accuracies": """## Sequências inteiras e cada passo

A fração das sequências de teste com todos os passos que têm alvo classificados corretamente, e a acurácia em cada passo t sobre as sequências de teste (— onde nenhuma sequência tem alvo em t): em que ponto da sequência a rede acerta.""",
        "look": """## Algumas saídas

A primeira sequência de teste passo a passo: suas entradas, as saídas da rede e os alvos.""",
    },
}


def language(code: str | None) -> str:
    """``pt``, ``pt_BR``, ``pt-BR`` → pt_BR; anything else English."""
    return "pt_BR" if code and code.replace("-", "_").lower().startswith("pt") else "en"


def weights_note(kind: str, n: int, lang: str) -> str:
    return WEIGHTS[language(lang)][kind].format(n=n)


def cell(key: str, lang: str, framework: str, sequences: bool = False, **values) -> str | None:
    table = CELLS[language(lang)]
    text = table.get(f"{key}:{framework}", table.get(key))
    if sequences:
        text = SEQUENCE_CELLS[language(lang)].get(key, text)
    if text is None:
        return None
    return text.format(framework=FRAMEWORK_NAMES[framework], **values)
