<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name></name>
    <message>
        <location filename="../../simulator/render/legend.py" line="33"/>
        <source>colour: gradient ∂J/∂w</source>
        <translation>cor: gradiente ∂J/∂w</translation>
    </message>
    <message>
        <location filename="../../simulator/render/legend.py" line="33"/>
        <source>colour: weight w</source>
        <translation>cor: peso w</translation>
    </message>
    <message>
        <location filename="../../simulator/render/legend.py" line="56"/>
        <source>thickness: |w|</source>
        <translation>espessura: |w|</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="360"/>
        <source>max σ′ = 0.25</source>
        <translation>max σ′ = 0.25</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="361"/>
        <source>max tanh′ = 1</source>
        <translation>max tanh′ = 1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="408"/>
        <source>f′ = 0 for %1 of the samples</source>
        <translation>f′ = 0 em %1 das amostras</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="410"/>
        <source>saturated (f′ &lt; 5% of max) for %1</source>
        <translation>saturação (f′ &lt; 5% do máximo) em %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="421"/>
        <source>slope 0.01 below zero</source>
        <translation>inclinação 0,01 abaixo de zero</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="290"/>
        <location filename="../../simulator/render/plots.py" line="155"/>
        <location filename="../../simulator/render/plots.py" line="676"/>
        <location filename="../../simulator/render/plots.py" line="872"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="677"/>
        <location filename="../../simulator/ui/commands.py" line="21"/>
        <source>loss</source>
        <translation>perda</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="739"/>
        <source>train loss</source>
        <translation>perda de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="739"/>
        <source>test loss</source>
        <translation>perda de teste</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="740"/>
        <source>train accuracy</source>
        <translation>acurácia de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="740"/>
        <source>train R²</source>
        <translation>R² de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="295"/>
        <location filename="../../simulator/render/plots.py" line="706"/>
        <location filename="../../simulator/render/plots.py" line="778"/>
        <source>accuracy</source>
        <translation>acurácia</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="873"/>
        <source>mean |∂J/∂w|</source>
        <translation>|∂J/∂w| médio</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="990"/>
        <location filename="../../simulator/render/plots.py" line="996"/>
        <location filename="../../simulator/render/step_frames.py" line="34"/>
        <source>output layer</source>
        <translation>camada de saída</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="990"/>
        <location filename="../../simulator/render/plots.py" line="997"/>
        <location filename="../../simulator/render/step_frames.py" line="34"/>
        <source>layer %1</source>
        <translation>camada %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="965"/>
        <source>no gradient reaches any weight: training is stuck</source>
        <translation>nenhum gradiente chega aos pesos: o treinamento está travado</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="156"/>
        <source>epochs (0.5 = half of the training set seen)</source>
        <translation>épocas (0.5 = metade do conjunto de treino vista)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="968"/>
        <source>no gradient in layer(s) %1</source>
        <translation>nenhum gradiente na(s) camada(s) %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="976"/>
        <source>clipping acted on %1 of the steps</source>
        <translation>o recorte atuou em %1 dos passos</translation>
    </message>
    <message>
        <location filename="../../simulator/render/step_frames.py" line="35"/>
        <source>forward pass: %1</source>
        <translation>passagem direta: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/step_frames.py" line="35"/>
        <source>backward pass: %1</source>
        <translation>passagem reversa: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/step_frames.py" line="37"/>
        <source>loss of the prediction</source>
        <translation>perda da predição</translation>
    </message>
    <message>
        <location filename="../../simulator/render/step_frames.py" line="37"/>
        <source>update: w ← w − α·∂J/∂w</source>
        <translation>atualização: w ← w − α·∂J/∂w</translation>
    </message>
    <message>
        <location filename="../../simulator/runtime/worker.py" line="302"/>
        <source>nothing to train: the network is not complete</source>
        <translation>nada para treinar: a rede não está completa</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="21"/>
        <source>optimiser</source>
        <translation>otimizador</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="21"/>
        <source>learning rate</source>
        <translation>taxa de aprendizado</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="22"/>
        <source>batch size</source>
        <translation>tamanho do lote</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="22"/>
        <source>initialisation</source>
        <translation>inicialização</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="22"/>
        <source>seed</source>
        <translation>semente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="23"/>
        <source>L1 penalty</source>
        <translation>penalidade L1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="23"/>
        <source>L2 penalty</source>
        <translation>penalidade L2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="23"/>
        <source>gradient clipping</source>
        <translation>recorte do gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="24"/>
        <source>shuffling</source>
        <translation>embaralhamento</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="28"/>
        <source>data set</source>
        <translation>conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="28"/>
        <source>number of samples</source>
        <translation>número de amostras</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="28"/>
        <source>noise</source>
        <translation>ruído</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="29"/>
        <source>test fraction</source>
        <translation>fração de teste</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="29"/>
        <source>data seed</source>
        <translation>semente dos dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="29"/>
        <source>number of classes</source>
        <translation>número de classes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="57"/>
        <source>Add neuron %1</source>
        <translation>Adicionar neurônio %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="81"/>
        <source>Delete %1 neuron(s)</source>
        <translation>Excluir %1 neurônio(s)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="83"/>
        <source>Delete %1 connection(s)</source>
        <translation>Excluir %1 conexão(ões)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="85"/>
        <source>Delete %1 item(s)</source>
        <translation>Excluir %1 item(ns)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="123"/>
        <source>Connect %1 → %2</source>
        <translation>Conectar %1 → %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="125"/>
        <location filename="../../simulator/ui/commands.py" line="145"/>
        <source>Connect %1 pair(s)</source>
        <translation>Conectar %1 par(es)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="159"/>
        <source>Move %1 neuron(s)</source>
        <translation>Mover %1 neurônio(s)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="179"/>
        <source>Set the activation of %1</source>
        <translation>Definir a ativação de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="179"/>
        <source>Set the bias of %1</source>
        <translation>Definir o bias de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="180"/>
        <source>Switch batch normalisation of %1</source>
        <translation>Alternar a normalização de batch de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="180"/>
        <source>Set the slope of %1</source>
        <translation>Definir a inclinação de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="181"/>
        <source>Set the feature of %1</source>
        <translation>Definir a entrada de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="181"/>
        <source>Change %1</source>
        <translation>Alterar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="207"/>
        <source>Make %1 an input neuron</source>
        <translation>Tornar %1 um neurônio de entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="207"/>
        <source>Make %1 a hidden neuron</source>
        <translation>Tornar %1 um neurônio oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="208"/>
        <source>Make %1 an output neuron</source>
        <translation>Tornar %1 um neurônio de saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="254"/>
        <source>Set the %1</source>
        <translation>Alterar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="228"/>
        <source>Set weight %1 → %2</source>
        <translation>Definir peso %1 → %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="281"/>
        <source>Change the data</source>
        <translation>Alterar os dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="296"/>
        <source>Rename the network</source>
        <translation>Renomear a rede</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="28"/>
        <source>Set activation to %1</source>
        <translation>Definir ativação como %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="47"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="49"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="49"/>
        <source>Hidden</source>
        <translation>Oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="49"/>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="56"/>
        <source>Feature</source>
        <translation>Atributo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="63"/>
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="70"/>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="20"/>
        <source>Batch normalisation</source>
        <translation>Normalização de batch</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="75"/>
        <source>Show this neuron&apos;s surface</source>
        <translation>Mostrar a superfície deste neurônio</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="77"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="79"/>
        <location filename="../../simulator/ui/editor/actions.py" line="86"/>
        <source>Fully connect the selected columns</source>
        <translation>Conectar totalmente as colunas selecionadas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="80"/>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="84"/>
        <source>Add layer…</source>
        <translation>Adicionar camada…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="87"/>
        <location filename="../../simulator/ui/editor/actions.py" line="117"/>
        <source>Auto-layout</source>
        <translation>Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="88"/>
        <source>Select all</source>
        <translation>Selecionar tudo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="89"/>
        <source>Zoom to fit</source>
        <translation>Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="97"/>
        <source>Select neurons in at least two columns to connect them.</source>
        <translation>Selecione neurônios em pelo menos duas colunas para conectá-los.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="103"/>
        <source>Added %1 connection(s)</source>
        <translation>%1 conexão(ões) adicionada(s)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="105"/>
        <source>; %1 skipped (%2)</source>
        <translation>; %1 ignorada(s) (%2)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="128"/>
        <source>Duplicate %1 neuron(s)</source>
        <translation>Duplicar %1 neurônio(s)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="167"/>
        <source>Add a layer of %1 neuron(s)</source>
        <translation>Adicionar uma camada de %1 neurônio(s)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="189"/>
        <location filename="../../simulator/ui/editor/actions.py" line="194"/>
        <source>Add layer</source>
        <translation>Adicionar camada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="189"/>
        <source>Neurons in the new hidden layer:</source>
        <translation>Neurônios na nova camada oculta:</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="194"/>
        <source>Activation:</source>
        <translation>Ativação:</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="15"/>
        <source>ReLU with He initialisation</source>
        <translation>ReLU com inicialização de He</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="16"/>
        <source>hidden neurons use ReLU (derivative 1 for g &gt; 0) and He initialisation</source>
        <translation>os neurônios ocultos usam ReLU (derivada 1 para g &gt; 0) e inicialização de He</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="17"/>
        <source>He initialisation</source>
        <translation>Inicialização de He</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="18"/>
        <source>weights drawn with variance 2/fan-in, keeping activations the same size layer after layer</source>
        <translation>pesos sorteados com variância 2/fan-in, mantendo as ativações do mesmo tamanho camada após camada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="19"/>
        <source>Xavier initialisation</source>
        <translation>Inicialização de Xavier</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="19"/>
        <source>weights drawn with variance 2/(fan-in + fan-out)</source>
        <translation>pesos sorteados com variância 2/(fan-in + fan-out)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="21"/>
        <source>every hidden neuron&apos;s g is standardised over the batch, then scaled and shifted</source>
        <translation>o g de cada neurônio oculto é padronizado no lote e, em seguida, escalonado e deslocado</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="22"/>
        <source>Gradient clipping</source>
        <translation>Recorte do gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="22"/>
        <source>the gradient&apos;s norm is limited to 1 before each update</source>
        <translation>a norma do gradiente é limitada a 1 antes de cada atualização</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="23"/>
        <source>Leaky ReLU instead of ReLU</source>
        <translation>Leaky ReLU em vez de ReLU</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="23"/>
        <source>a small slope (0.01) below zero keeps the gradient alive</source>
        <translation>uma pequena inclinação (0,01) abaixo de zero mantém o gradiente vivo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="33"/>
        <location filename="../../simulator/ui/train_controls.py" line="143"/>
        <source>&amp;Play</source>
        <translation>&amp;Reproduzir</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="35"/>
        <source>&amp;Step</source>
        <translation>Pa&amp;sso</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="36"/>
        <source>One training step, animated: forward, loss, backward, update</source>
        <translation>Um passo de treinamento, animado: passagem direta, perda, passagem reversa, atualização</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="37"/>
        <source>&amp;Next Phase</source>
        <translation>Pró&amp;xima fase</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="38"/>
        <source>P&amp;revious Phase</source>
        <translation>Fase &amp;anterior</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="39"/>
        <source>&amp;Reset</source>
        <translation>Re&amp;iniciar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="40"/>
        <source>Back to the initial weights (same seed), epoch 0</source>
        <translation>Voltar aos pesos iniciais (mesma semente), época 0</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="41"/>
        <source>&amp;Animate Steps</source>
        <translation>A&amp;nimar passos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="45"/>
        <source>One &amp;Sample</source>
        <translation>Uma &amp;amostra</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="45"/>
        <source>One &amp;Mini-batch</source>
        <translation>Um &amp;mini-lote</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="46"/>
        <source>One &amp;Epoch</source>
        <translation>Uma &amp;época</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="52"/>
        <source>Step on a Random Sample</source>
        <translation>Passo em uma amostra aleatória</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="53"/>
        <source>Leave the Animation</source>
        <translation>Sair da animação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="59"/>
        <source>Step &amp;Size</source>
        <translation>&amp;Tamanho do passo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="72"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="99"/>
        <source>speed</source>
        <translation>velocidade</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="104"/>
        <source>Epochs per second while playing (right end: as fast as possible); also the pace of the step animation</source>
        <translation>Épocas por segundo durante a reprodução (extremo direito: o mais rápido possível); também o ritmo da animação do passo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="117"/>
        <source>Epochs done. Paused inside an epoch (stepping), also how many of the training samples this epoch has used: the charts draw each step at that fraction of an epoch.</source>
        <translation>Épocas concluídas. Com o treino parado no meio de uma época (passo a passo), também quantas das amostras de treino esta época já usou: os gráficos desenham cada passo nessa fração de época.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="143"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="172"/>
        <source>Nothing to train yet: draw a network first (click the canvas to add neurons)</source>
        <translation>Ainda não há o que treinar: desenhe uma rede primeiro (clique na área de desenho para adicionar neurônios)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="177"/>
        <source>Cannot train yet: %1</source>
        <translation>Ainda não é possível treinar: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="238"/>
        <source>max</source>
        <translation>máx.</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="40"/>
        <location filename="../../simulator/export/compare_panels.py" line="85"/>
        <location filename="../../simulator/export/plot_panels.py" line="290"/>
        <location filename="../../simulator/export/plot_panels.py" line="314"/>
        <location filename="../../simulator/export/recurrent_panels.py" line="62"/>
        <location filename="../../simulator/export/recurrent_panels.py" line="197"/>
        <source>not trained</source>
        <translation>não treinada</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="13"/>
        <location filename="../../simulator/export/compare_panels.py" line="26"/>
        <location filename="../../simulator/render/compare_view.py" line="71"/>
        <location filename="../../simulator/ui/train_controls.py" line="151"/>
        <source>epoch %1</source>
        <translation>época %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="29"/>
        <location filename="../../simulator/render/compare_view.py" line="81"/>
        <location filename="../../simulator/render/plots.py" line="741"/>
        <source>test accuracy %1</source>
        <translation>acurácia de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="30"/>
        <location filename="../../simulator/render/compare_view.py" line="83"/>
        <location filename="../../simulator/render/plots.py" line="741"/>
        <source>test R² %1</source>
        <translation>R² de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="42"/>
        <source>diverged</source>
        <translation>divergiu</translation>
    </message>
    <message>
        <location filename="../../simulator/export/network_panel.py" line="71"/>
        <source>sample x = (%1)</source>
        <translation>amostra x = (%1)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="56"/>
        <source>unknown file extension %1</source>
        <extracomment>the views of a recurrent network on sequences (see check_view)</extracomment>
        <translation>extensão de arquivo desconhecida %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="57"/>
        <source>%1 has no file extension</source>
        <translation>%1 não tem extensão de arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="58"/>
        <source>use .svg, .pdf, .png, .gif or .mp4</source>
        <translation>use .svg, .pdf, .png, .gif ou .mp4</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="112"/>
        <source>unknown view %1 (views: %2)</source>
        <translation>visualização desconhecida %1 (visualizações: %2)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="115"/>
        <source>unknown theme %1 (light or dark)</source>
        <translation>tema desconhecido %1 (light ou dark)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="117"/>
        <source>colour by gradient or weight, not %1</source>
        <translation>colorir por gradient ou weight, não %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="118"/>
        <source>the width must be between %1 and %2 inches</source>
        <translation>a largura deve estar entre %1 e %2 polegadas</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="119"/>
        <source>the height must be between %1 and %2 inches</source>
        <translation>a altura deve estar entre %1 e %2 polegadas</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="123"/>
        <source>the resolution must be between 10 and 2400 dpi</source>
        <translation>a resolução deve estar entre 10 e 2400 dpi</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="125"/>
        <source>%1 × %2 pixels is too large (at most %3 a side): lower the resolution or the size</source>
        <translation>%1 × %2 pixels é grande demais (no máximo %3 por lado): reduza a resolução ou o tamanho</translation>
    </message>
    <message>
        <location filename="../../simulator/export/state.py" line="92"/>
        <location filename="../../simulator/export/state.py" line="148"/>
        <source>cannot train: %1</source>
        <extracomment>What ``export --view compare`` trains when a document declares no comparison.</extracomment>
        <translation>não é possível treinar: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/figures.py" line="27"/>
        <source>nnsim figure</source>
        <translation>figura do nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/export/figures.py" line="75"/>
        <source>Neural network</source>
        <translation>Rede neural</translation>
    </message>
    <message>
        <location filename="../../simulator/export/figures.py" line="45"/>
        <location filename="../../simulator/export/figures.py" line="82"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="33"/>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="255"/>
        <source>no data</source>
        <translation>sem dados</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="248"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="33"/>
        <location filename="../../simulator/ui/panels/surface.py" line="79"/>
        <location filename="../../simulator/ui/panels/surface.py" line="80"/>
        <source>Decision surface</source>
        <translation>Superfície de decisão</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="264"/>
        <location filename="../../simulator/ui/panels/surface.py" line="80"/>
        <source>Fit</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="281"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="34"/>
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="299"/>
        <location filename="../../simulator/export/plot_panels.py" line="324"/>
        <source>no epoch trained yet</source>
        <translation>nenhuma época treinada ainda</translation>
    </message>
    <message>
        <location filename="../../simulator/export/captions.py" line="21"/>
        <location filename="../../simulator/render/compare_view.py" line="78"/>
        <source>train / test loss %1 / %2</source>
        <translation>perda de treino / teste %1 / %2</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="307"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="35"/>
        <source>Gradient flow</source>
        <translation>Fluxo do gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="328"/>
        <source>mean |∂J/∂w| per layer</source>
        <translation>|∂J/∂w| médio por camada</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="335"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="34"/>
        <source>Activation functions</source>
        <translation>Funções de ativação</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="347"/>
        <source>f solid, f′ dashed</source>
        <translation>f em linha cheia, f′ tracejada</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="67"/>
        <source>%1 is a folder, not a file</source>
        <translation>%1 é uma pasta, não um arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="70"/>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>não é possível gravar %1: a pasta %2 não existe</translation>
    </message>
    <message>
        <location filename="../../simulator/export/options.py" line="73"/>
        <source>cannot write %1: permission denied</source>
        <translation>não é possível gravar %1: permissão negada</translation>
    </message>
    <message>
        <location filename="../../simulator/export/animation.py" line="65"/>
        <location filename="../../simulator/export/animation.py" line="123"/>
        <source>an animation needs at least 2 frames</source>
        <translation>uma animação precisa de pelo menos 2 quadros</translation>
    </message>
    <message>
        <location filename="../../simulator/export/animation.py" line="110"/>
        <source>cannot animate a step: %1</source>
        <translation>não é possível animar um passo: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/animation.py" line="112"/>
        <source>cannot animate a step: there is no training data</source>
        <translation>não é possível animar um passo: não há dados de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/export/animation.py" line="192"/>
        <source>the animation has no frames</source>
        <translation>a animação não tem quadros</translation>
    </message>
    <message>
        <location filename="../../simulator/export/animation.py" line="198"/>
        <location filename="../../simulator/export/animation.py" line="237"/>
        <location filename="../../simulator/export/writers.py" line="44"/>
        <source>cannot write %1: %2</source>
        <translation>não é possível gravar %1: %2</translation>
    </message>
    <message>
        <location filename="../../simulator/export/writers.py" line="60"/>
        <source>Made with nnsim</source>
        <translation>Feito com o nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/export/writers.py" line="63"/>
        <source>cannot start the SVG writer</source>
        <translation>não é possível iniciar o gravador de SVG</translation>
    </message>
    <message>
        <location filename="../../simulator/export/writers.py" line="95"/>
        <location filename="../../simulator/export/writers.py" line="103"/>
        <source>cannot write %1</source>
        <translation>não é possível gravar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="42"/>
        <source>%1 is an animation format: export an animation instead</source>
        <translation>%1 é um formato de animação: exporte uma animação</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="65"/>
        <source>unknown animation %1 (training or step)</source>
        <translation>animação desconhecida %1 (training ou step)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="23"/>
        <source>a step animation shows the network: use --view network</source>
        <translation>uma animação de passo mostra a rede: use --view network</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="83"/>
        <source>%1 is a still format: use .gif or .mp4 for an animation</source>
        <translation>%1 é um formato de imagem fixa: use .gif ou .mp4 para uma animação</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="99"/>
        <source>--epochs must be 0 or more</source>
        <translation>--epochs deve ser 0 ou mais</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="112"/>
        <source>--frames is for animations (.gif, .mp4)</source>
        <translation>--frames é para animações (.gif, .mp4)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="114"/>
        <source>--animate is for animations (.gif, .mp4)</source>
        <translation>--animate é para animações (.gif, .mp4)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="117"/>
        <source>--frames must be 2 or more</source>
        <translation>--frames deve ser 2 ou mais</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="35"/>
        <source>Slide (16:9): network, surface, loss</source>
        <translation>Slide (16:9): rede, superfície, perda</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="42"/>
        <source>SVG — vector (web, PowerPoint, Inkscape)</source>
        <translation>SVG — vetorial (web, PowerPoint, Inkscape)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="43"/>
        <source>PDF — vector (LaTeX Beamer, print)</source>
        <translation>PDF — vetorial (LaTeX Beamer, impressão)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="44"/>
        <source>PNG — image</source>
        <translation>PNG — imagem</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="44"/>
        <source>GIF — animated image</source>
        <translation>GIF — imagem animada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="45"/>
        <source>MP4 — video</source>
        <translation>MP4 — vídeo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="583"/>
        <source>Figure copied: %1</source>
        <translation>Figura copiada: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="30"/>
        <source>Export &amp;Figure…</source>
        <translation>Exportar &amp;figura…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="31"/>
        <source>Save a view as SVG, PDF or PNG for slides</source>
        <translation>Salvar uma vista como SVG, PDF ou PNG para slides</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="33"/>
        <source>Export &amp;Animation…</source>
        <translation>Exportar &amp;animação…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="34"/>
        <source>Save the training or one step as GIF or MP4</source>
        <translation>Salvar o treinamento ou um passo como GIF ou MP4</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="36"/>
        <source>&amp;Copy Figure to Clipboard</source>
        <translation>&amp;Copiar figura para a área de transferência</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="38"/>
        <source>Copy the view last exported (the network at first) as an image</source>
        <translation>Copiar a última vista exportada (de início, a rede) como imagem</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="45"/>
        <location filename="../../simulator/render/compare_view.py" line="84"/>
        <source>seed %1</source>
        <translation>semente %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="66"/>
        <source>diverged in epoch %1</source>
        <translation>divergiu na época %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="68"/>
        <source>stuck</source>
        <translation>presa</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="70"/>
        <source>behind</source>
        <translation>atrás</translation>
    </message>
    <message>
        <location filename="../../simulator/render/compare_view.py" line="291"/>
        <source>training loss</source>
        <translation>perda de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/export/state.py" line="150"/>
        <source>the comparison trains feed-forward networks on points, not recurrent networks or sequences</source>
        <translation>a comparação treina redes acíclicas sobre pontos, não redes recorrentes nem sequências</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="103"/>
        <source>the comparison is a still figure: use .svg, .pdf or .png</source>
        <translation>a comparação é uma figura estática: use .svg, .pdf ou .png</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="105"/>
        <source>--frames and --animate are for animations (.gif, .mp4)</source>
        <translation>--frames e --animate são para animações (.gif, .mp4)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="36"/>
        <source>Comparison (the Compare panel&apos;s variants)</source>
        <translation>Comparação (as variantes do painel Comparar)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="23"/>
        <location filename="../../simulator/export/compare_panels.py" line="63"/>
        <source>no comparison trained yet</source>
        <translation>nenhuma comparação treinada ainda</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="25"/>
        <source>%1 variants</source>
        <translation>%1 variantes</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="27"/>
        <source>%1 stuck</source>
        <translation>%1 presas</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="28"/>
        <source>%1 behind</source>
        <translation>%1 atrás</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="29"/>
        <source>%1 diverged</source>
        <translation>%1 divergiram</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="77"/>
        <source>Training loss</source>
        <translation>Perda de treino</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="90"/>
        <source>log scale</source>
        <translation>escala log</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="91"/>
        <source>dashed: stuck</source>
        <translation>tracejadas: presas</translation>
    </message>
    <message>
        <location filename="../../simulator/export/compare_panels.py" line="109"/>
        <source>Comparison</source>
        <translation>Comparação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="24"/>
        <source>truncation of backpropagation through time</source>
        <translation>truncamento da retropropagação no tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="30"/>
        <source>number of sequences</source>
        <translation>número de sequências</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="30"/>
        <source>steps per sequence</source>
        <translation>passos por sequência</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="31"/>
        <source>lag</source>
        <translation>defasagem</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="24"/>
        <source>Without the delayed edges (acyclic)</source>
        <translation>Sem as conexões com atraso (acíclica)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="25"/>
        <source>the delayed edges are removed: each step sees only its own input, as in a feed-forward network</source>
        <translation>as conexões com atraso são removidas: cada passo vê apenas a sua própria entrada, como numa rede de alimentação direta</translation>
    </message>
    <message>
        <location filename="../../simulator/export/plot_panels.py" line="258"/>
        <source>sequences have no input plane</source>
        <translation>sequências não têm um plano de entradas</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="31"/>
        <source>the surface view shows an input plane, which sequence data do not have: use --view network, loss, gradients or slide</source>
        <translation>a vista surface mostra um plano de entradas, que dados em sequência não têm: use --view network, loss, gradients ou slide</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="739"/>
        <source>mini-batch loss</source>
        <translation>perda do mini-lote</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="54"/>
        <source>vanishing gradient: first layer %1× smaller than the last, shrinking layer by layer on its way back</source>
        <translation>dissipação do gradiente: primeira camada %1× menor que a última, encolhendo camada a camada no caminho de volta</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="60"/>
        <source>hidden units saturated (f′ ≈ 0) on %1 of the samples still wrong: layer 1&apos;s gradient is %2× smaller than the last, too little to fix them</source>
        <translation>neurônios ocultos saturados (f′ ≈ 0) em %1 das amostras ainda erradas: o gradiente da camada 1 é %2× menor que o da última, pouco demais para corrigi-las</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="64"/>
        <source>hidden units saturated (f′ ≈ 0) on %1 of the samples: layer 1&apos;s gradient is %2× smaller than the last</source>
        <translation>neurônios ocultos saturados (f′ ≈ 0) em %1 das amostras: o gradiente da camada 1 é %2× menor que o da última</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="66"/>
        <source>first layer %1× smaller than the last</source>
        <translation>primeira camada %1× menor que a última</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="70"/>
        <source>exploding gradient: first layer %1× larger than the last, growing layer by layer on its way back</source>
        <translation>explosão do gradiente: primeira camada %1× maior que a última, crescendo camada a camada no caminho de volta</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="72"/>
        <source>first layer %1× larger than the last</source>
        <translation>primeira camada %1× maior que a última</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="81"/>
        <source>over the whole training set at epoch %1</source>
        <translation>sobre todo o conjunto de treino na época %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="84"/>
        <source>of the last step</source>
        <translation>do último passo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/diagnosis.py" line="86"/>
        <source>mean over the last %1 steps</source>
        <translation>média dos últimos %1 passos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/history_scrub.py" line="36"/>
        <source>history</source>
        <translation>histórico</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/history_scrub.py" line="39"/>
        <source>Drag back to see an earlier epoch of this run: the network, the decision surface and the charts as they were. Play returns to the present.</source>
        <translation>Arraste para trás para ver uma época anterior deste treino: a rede, a superfície de decisão e os gráficos como estavam. Reproduzir volta ao presente.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/history_scrub.py" line="84"/>
        <source>viewing epoch %1 of %2 — Play returns to the present</source>
        <translation>vendo a época %1 de %2 — Reproduzir volta ao presente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="34"/>
        <location filename="../../simulator/ui/train_controls.py" line="144"/>
        <source>Train continuously (%1)</source>
        <translation>Treinar continuamente (%1)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/train_controls.py" line="144"/>
        <source>Pause training (%1)</source>
        <translation>Pausar o treinamento (%1)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="40"/>
        <source>As &amp;Code…</source>
        <translation>Como &amp;código…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_menu.py" line="41"/>
        <source>Save the network as a PyTorch or NumPy program, or a Jupyter notebook, that trains as nnsim does</source>
        <translation>Salvar a rede como um programa em PyTorch ou NumPy, ou um notebook Jupyter, que treina como o nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="316"/>
        <source>Add a self-loop on %1 (previous step)</source>
        <translation>Adicionar um laço em %1 (passo anterior)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="317"/>
        <source>Connect %1 → %2, delayed (previous step)</source>
        <translation>Conectar %1 → %2 com atraso (passo anterior)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="341"/>
        <source>Make %1 → %2 delayed (previous step)</source>
        <translation>Tornar %1 → %2 uma conexão com atraso (passo anterior)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/commands.py" line="342"/>
        <source>Make %1 → %2 an ordinary connection (same step)</source>
        <translation>Tornar %1 → %2 uma conexão comum (mesmo passo)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="204"/>
        <source>same step (no delay)</source>
        <translation>mesmo passo (sem atraso)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="206"/>
        <source>delayed: reads the previous step, t − 1</source>
        <translation>com atraso: lê o passo anterior, t − 1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="207"/>
        <source>delayed: reads %1 steps back, t − %1</source>
        <translation>com atraso: lê %1 passos atrás, t − %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="220"/>
        <source>%1 → %2 must stay delayed: %3</source>
        <translation>%1 → %2 precisa manter o atraso: %3</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="230"/>
        <source>Delayed (previous step)</source>
        <translation>Com atraso (passo anterior)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/actions.py" line="231"/>
        <source>Delayed (%1 steps back)</source>
        <translation>Com atraso (%1 passos atrás)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/network_panel.py" line="68"/>
        <location filename="../../simulator/export/recurrent_panels.py" line="75"/>
        <location filename="../../simulator/export/recurrent_panels.py" line="161"/>
        <location filename="../../simulator/render/unrolled.py" line="301"/>
        <source>training sequence %1</source>
        <translation>sequência de treino %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="24"/>
        <source>a step animation shows the network: use --view network or unrolled</source>
        <translation>a animação de um passo mostra a rede: use --view network ou unrolled</translation>
    </message>
    <message>
        <location filename="../../simulator/export/files.py" line="27"/>
        <source>the %1 view shows a recurrent network on sequences, and these data are points: use it with a recurrent lesson or a sequence task</source>
        <translation>a vista %1 mostra uma rede recorrente sobre sequências, e estes dados são pontos: use-a com uma lição recorrente ou uma tarefa de sequências</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="37"/>
        <source>Unrolled over time (recurrent)</source>
        <translation>Desdobrada no tempo (recorrente)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="37"/>
        <source>Sequence over time (recurrent)</source>
        <translation>Sequência ao longo do tempo (recorrente)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="38"/>
        <source>Gradient through time (recurrent)</source>
        <translation>Gradiente no tempo (recorrente)</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="42"/>
        <source>Unrolled over time</source>
        <translation>Desdobrada no tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="65"/>
        <source>one weight per edge, shared by every copy</source>
        <translation>um peso por conexão, compartilhado por todas as cópias</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="128"/>
        <location filename="../../simulator/ui/recurrent_ui.py" line="51"/>
        <source>Sequence</source>
        <translation>Sequência</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="144"/>
        <location filename="../../simulator/export/recurrent_panels.py" line="204"/>
        <source>no sequence</source>
        <translation>nenhuma sequência</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="161"/>
        <location filename="../../simulator/render/unrolled.py" line="301"/>
        <source>test sequence %1</source>
        <translation>sequência de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="165"/>
        <source>%1 of %2 steps with a target right</source>
        <translation>%1 de %2 passos com alvo corretos</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="167"/>
        <source>step t = %1 marked</source>
        <translation>passo t = %1 marcado</translation>
    </message>
    <message>
        <location filename="../../simulator/export/recurrent_panels.py" line="190"/>
        <location filename="../../simulator/ui/recurrent_ui.py" line="53"/>
        <source>Gradient through time</source>
        <translation>Gradiente no tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="46"/>
        <location filename="../../simulator/render/sequence_plots.py" line="124"/>
        <source>step t</source>
        <translation>passo t</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="47"/>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="65"/>
        <source>input %1</source>
        <translation>entrada %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="73"/>
        <source>target %1 (rings)</source>
        <translation>alvo %1 (anéis)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="77"/>
        <source>output %1</source>
        <translation>saída %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="125"/>
        <source>neuron</source>
        <translation>neurônio</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="184"/>
        <source>steps back in time</source>
        <translation>passos para trás no tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="185"/>
        <source>mean |∂J/∂h|</source>
        <translation>|∂J/∂h| médio</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="191"/>
        <source>mean |∂J/∂h| over the hidden neurons</source>
        <translation>|∂J/∂h| médio nos neurônios ocultos</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="227"/>
        <source>no gradient beyond %1 step(s) back (truncated backpropagation through time)</source>
        <translation>nenhum gradiente além de %1 passo(s) para trás (retropropagação no tempo truncada)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="233"/>
        <source>%1 steps back: %2× weaker (vanishing)</source>
        <translation>%1 passos para trás: %2× mais fraco (dissipação)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/sequence_plots.py" line="236"/>
        <source>%1 steps back: %2× stronger (exploding)</source>
        <translation>%1 passos para trás: %2× mais forte (explosão)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="78"/>
        <source>forward pass: step t = %1</source>
        <translation>passagem direta: passo t = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="80"/>
        <source>backward through time: step t = %1</source>
        <translation>retropropagação no tempo: passo t = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="82"/>
        <source>loss over the steps with a target</source>
        <translation>perda nos passos com alvo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="83"/>
        <source>update: w ← w − α·∂J/∂w (∂J/∂w summed over the steps)</source>
        <translation>atualização: w ← w − α·∂J/∂w (∂J/∂w somado nos passos)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="147"/>
        <source>target %1</source>
        <translation>alvo %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="147"/>
        <source>no target</source>
        <translation>sem alvo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/time_frames.py" line="207"/>
        <location filename="../../simulator/render/time_frames.py" line="303"/>
        <source>J = %1 (mean over the steps with a target)</source>
        <translation>J = %1 (média nos passos com alvo)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/unrolled.py" line="302"/>
        <source>step %1</source>
        <translation>passo %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/unrolled.py" line="303"/>
        <source>steps %1–%2</source>
        <translation>passos %1–%2</translation>
    </message>
    <message>
        <location filename="../../simulator/render/unrolled.py" line="304"/>
        <source>%1 of %2</source>
        <translation>%1 da %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="115"/>
        <source>Release on a neuron to connect %1; back on %1 for a self-loop</source>
        <translation>Solte sobre um neurônio para conectar %1; de volta sobre %1 para um laço</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="123"/>
        <source>Cannot connect %1 → %2: %3</source>
        <translation>Não é possível conectar %1 → %2: %3</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="132"/>
        <source>Release to connect %1 → %2 (hold Shift to make it a delayed, recurrent edge)</source>
        <translation>Solte para conectar %1 → %2 (segure Shift para uma conexão com atraso, recorrente)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="138"/>
        <source>Release to make a self-loop on %1: a delayed (recurrent) edge, %1 reads its own value of the previous step</source>
        <translation>Solte para criar um laço em %1: uma conexão com atraso (recorrente), %1 lê o seu próprio valor do passo anterior</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="143"/>
        <source>%1 → %2 would close the cycle %3 within a step: release to make it a delayed (recurrent) edge, which reads %1 of the previous step (Esc cancels)</source>
        <translation>%1 → %2 fecharia o ciclo %3 dentro de um passo: solte para torná-la uma conexão com atraso (recorrente), que lê %1 do passo anterior (Esc cancela)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="147"/>
        <source>Release to connect %1 → %2 as a delayed (recurrent) edge: it reads %1 of the previous step</source>
        <translation>Solte para conectar %1 → %2 como conexão com atraso (recorrente): ela lê %1 do passo anterior</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="170"/>
        <source>Connection cancelled: release on a neuron to connect.</source>
        <translation>Conexão cancelada: solte sobre um neurônio para conectar.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="177"/>
        <source>Connected %1 → %2</source>
        <translation>Conectado %1 → %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="181"/>
        <source>Added a self-loop on %1 (delayed: the previous step). Ctrl+Z undoes it.</source>
        <translation>Laço adicionado em %1 (com atraso: o passo anterior). Ctrl+Z desfaz.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="183"/>
        <source>Connected %1 → %2 as a delayed edge: it closes the cycle %3 across time steps. Ctrl+Z undoes it.</source>
        <translation>Conectado %1 → %2 como conexão com atraso: ela fecha o ciclo %3 de um passo de tempo para o seguinte. Ctrl+Z desfaz.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/connect_drag.py" line="186"/>
        <source>Connected %1 → %2 as a delayed edge (the previous step). Ctrl+Z undoes it.</source>
        <translation>Conectado %1 → %2 como conexão com atraso (o passo anterior). Ctrl+Z desfaz.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="200"/>
        <source>&amp;Unrolled over Time</source>
        <translation>&amp;Desdobrada no tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="203"/>
        <source>Draw the network copied over the last steps of the sequence, left to right in time: a recurrent network is a deep network that shares its weights (Ctrl+U)</source>
        <translation>Desenhar a rede copiada nos últimos passos da sequência, da esquerda para a direita no tempo: uma rede recorrente é uma rede profunda que compartilha os seus pesos (Ctrl+U)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="207"/>
        <source>Unrolled</source>
        <translation>Desdobrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="214"/>
        <source>steps</source>
        <translation>passos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="215"/>
        <source>How many steps the unrolled view shows (1 to %1)</source>
        <translation>Quantos passos a vista desdobrada mostra (1 a %1)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/recurrent_ui.py" line="229"/>
        <source>The unrolled view shows a recurrent network on sequences: open a recurrent lesson or choose a sequence task in the Data panel.</source>
        <translation>A vista desdobrada mostra uma rede recorrente sobre sequências: abra uma lição recorrente ou escolha uma tarefa de sequências no painel Dados.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="21"/>
        <source>Previous Time Step</source>
        <translation>Passo de tempo anterior</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="23"/>
        <source>Show the previous step t of the sequence (Alt+Left)</source>
        <translation>Mostrar o passo t anterior da sequência (Alt+Esquerda)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="25"/>
        <source>Next Time Step</source>
        <translation>Próximo passo de tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="27"/>
        <source>Show the next step t of the sequence (Alt+Right)</source>
        <translation>Mostrar o próximo passo t da sequência (Alt+Direita)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="35"/>
        <source>Time</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="39"/>
        <source>time</source>
        <translation>tempo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="45"/>
        <source>The step t of the chosen sequence that the drawing, the Inspector and the activation lab show</source>
        <translation>O passo t da sequência escolhida que o desenho, o Inspetor e o laboratório de ativações mostram</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/time_scrubber.py" line="106"/>
        <source>t = %1 of %2</source>
        <translation>t = %1 de %2</translation>
    </message>
    <message>
        <location filename="../../simulator/render/epoch_text.py" line="16"/>
        <source>%1/%2 sequences</source>
        <translation>%1/%2 sequências</translation>
    </message>
    <message>
        <location filename="../../simulator/render/epoch_text.py" line="16"/>
        <source>%1/%2 samples</source>
        <translation>%1/%2 amostras</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="972"/>
        <source>dead ReLUs: %1</source>
        <translation>ReLUs agonizantes: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/plots.py" line="974"/>
        <source>saturated units: %1</source>
        <translation>unidades saturadas: %1</translation>
    </message>
</context>
<context>
    <name>ActivationLab</name>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="43"/>
        <source>derivative f′</source>
        <translation>derivada f′</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="46"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="48"/>
        <source>None</source>
        <translation>Nenhuma</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="163"/>
        <source>Select a neuron to see its activation and its current values of g on the curve.</source>
        <translation>Selecione um neurônio para ver sua ativação e seus valores atuais de g na curva.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="189"/>
        <source>t = %1: g = %2</source>
        <translation>t = %1: g = %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/activation_lab.py" line="191"/>
        <source>the ring: step t = %1 of the sequence</source>
        <translation>o anel: passo t = %1 da sequência</translation>
    </message>
</context>
<context>
    <name>CodeExportDialog</name>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="37"/>
        <location filename="../../simulator/ui/code_export_dialog.py" line="180"/>
        <source>Export as code</source>
        <translation>Exportar como código</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="44"/>
        <source>Python script (.py)</source>
        <translation>Script Python (.py)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="45"/>
        <source>Jupyter notebook (.ipynb)</source>
        <translation>Notebook Jupyter (.ipynb)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="49"/>
        <source>As the window shows them (epoch %1)</source>
        <translation>Como a janela os mostra (época %1)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="51"/>
        <source>Untrained: the program&apos;s training reproduces nnsim&apos;s</source>
        <translation>Sem treinamento: o treinamento do programa reproduz o do nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="59"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="64"/>
        <source>Framework</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="65"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="66"/>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="67"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="80"/>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="81"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="128"/>
        <source>cannot train: %1</source>
        <translation>não é possível treinar: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="141"/>
        <source>Cannot export as code: %1</source>
        <translation>Não é possível exportar como código: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="151"/>
        <source>needs PyTorch and NumPy</source>
        <translation>precisa de PyTorch e NumPy</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="152"/>
        <source>needs NumPy only</source>
        <translation>precisa só de NumPy</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="153"/>
        <source>%1 lines; %2; no nnsim needed to run it</source>
        <translation>%1 linhas; %2; não precisa do nnsim para rodar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="155"/>
        <source>The notebook&apos;s explanations are in the interface&apos;s language.</source>
        <translation>As explicações do notebook estão no idioma da interface.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="208"/>
        <source>Cannot export as code</source>
        <translation>Não é possível exportar como código</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="211"/>
        <source>Exported %1</source>
        <translation>Exportado %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/code_export_dialog.py" line="218"/>
        <source>Code copied to the clipboard</source>
        <translation>Código copiado para a área de transferência</translation>
    </message>
</context>
<context>
    <name>ColumnDialog</name>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="282"/>
        <source>Choose the columns</source>
        <translation>Escolha as colunas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="301"/>
        <source>Input columns (one input neuron each):</source>
        <translation>Colunas de entrada (um neurônio de entrada para cada):</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="304"/>
        <source>Target column:</source>
        <translation>Coluna alvo:</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="163"/>
        <source>epochs</source>
        <translation>épocas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="164"/>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="327"/>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="166"/>
        <source>Train every variant side by side (again: pause)</source>
        <translation>Treinar todas as variantes lado a lado (de novo: pausar)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="167"/>
        <source>Restart</source>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="168"/>
        <source>Train the variants again from their start</source>
        <translation>Treinar as variantes de novo desde o início</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="169"/>
        <source>log scale</source>
        <translation>escala log</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="190"/>
        <source>Vary</source>
        <translation>Variar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="213"/>
        <source>Choose what varies and press Train; then click a variant to open it as the current network.</source>
        <translation>Escolha o que varia e pressione Treinar; depois clique numa variante para abri-la como a rede atual.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="217"/>
        <source>Seeds</source>
        <translation>Sementes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="217"/>
        <source>Learning rates</source>
        <translation>Taxas de aprendizado</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="218"/>
        <source>Hidden activations</source>
        <translation>Ativações ocultas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="218"/>
        <source>The lesson&apos;s drawings</source>
        <translation>Os desenhos da lição</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="259"/>
        <source>Comparisons train feed-forward networks on points: this network is recurrent or its data are sequences.</source>
        <translation>As comparações treinam redes acíclicas sobre pontos: esta rede é recorrente ou seus dados são sequências.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="263"/>
        <source>the network cannot train yet: %1</source>
        <translation>a rede ainda não pode treinar: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="320"/>
        <source>Cannot compare</source>
        <translation>Não é possível comparar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="327"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="373"/>
        <source>%1 variants</source>
        <translation>%1 variantes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="374"/>
        <source>epoch %1 of %2</source>
        <translation>época %1 de %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="376"/>
        <source>%1 stuck (orange, dashed)</source>
        <translation>%1 presas (laranja, tracejadas)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="378"/>
        <source>%1 behind (orange)</source>
        <translation>%1 atrás (laranja)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="380"/>
        <source>%1 diverged (red)</source>
        <translation>%1 divergiram (vermelho)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="382"/>
        <source>done in %1 s</source>
        <translation>feito em %1 s</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/compare_panel.py" line="383"/>
        <source>click a variant to open it</source>
        <translation>clique numa variante para abri-la</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="71"/>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="72"/>
        <source>Draw new points (a new seed)</source>
        <translation>Sortear novos pontos (nova semente)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="76"/>
        <source>Use a built-in data set</source>
        <translation>Usar um conjunto de dados embutido</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="78"/>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="82"/>
        <source>Data set</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="83"/>
        <source>Samples</source>
        <translation>Amostras</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="87"/>
        <source>Noise</source>
        <translation>Ruído</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="88"/>
        <source>Test fraction</source>
        <translation>Fração de teste</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="89"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="90"/>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="95"/>
        <source>Input features (neurons)</source>
        <translation>Atributos de entrada (neurônios)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="147"/>
        <source>CSV file %1: inputs %2, target %3</source>
        <translation>Arquivo CSV %1: entradas %2, alvo %3</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="152"/>
        <source>Your own points: %1 for training, %2 for testing</source>
        <translation>Seus próprios pontos: %1 para treino, %2 para teste</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="155"/>
        <source>Your own points: %1</source>
        <translation>Seus próprios pontos: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="187"/>
        <source>One input</source>
        <translation>Uma entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="188"/>
        <source>“%1” has one input, x. Remove the input neurons that read x₂ first.</source>
        <translation>“%1” tem uma entrada, x. Remova primeiro os neurônios de entrada que leem x₂.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="191"/>
        <source>Change the %1</source>
        <translation>Alterar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="214"/>
        <source>Add the feature %1</source>
        <translation>Adicionar o atributo %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="226"/>
        <source>Import a CSV file</source>
        <translation>Importar um arquivo CSV</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="227"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="238"/>
        <source>%1: the file is empty</source>
        <translation>%1: o arquivo está vazio</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="256"/>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="271"/>
        <source>Cannot import the CSV file</source>
        <translation>Não é possível importar o arquivo CSV</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="273"/>
        <source>The current data and network are unchanged.</source>
        <translation>Os dados e a rede atuais não foram alterados.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="65"/>
        <source>The target is the input bit of this many steps before</source>
        <translation>O alvo é o bit de entrada de tantos passos antes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="84"/>
        <source>Sequences</source>
        <translation>Sequências</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="85"/>
        <source>Steps per sequence</source>
        <translation>Passos por sequência</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="86"/>
        <source>Lag</source>
        <translation>Defasagem</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/data_panel.py" line="150"/>
        <source>Your own sequences: %1</source>
        <translation>Suas próprias sequências: %1</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <location filename="../../simulator/ui/model.py" line="144"/>
        <source>Untitled network</source>
        <translation>Rede sem título</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="340"/>
        <source>weight w = %1</source>
        <translation>peso w = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="345"/>
        <source>gradient ∂J/∂w = %1</source>
        <translation>gradiente ∂J/∂w = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="353"/>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="353"/>
        <source>hidden</source>
        <translation>oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="353"/>
        <source>output</source>
        <translation>saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="356"/>
        <source>feature %1</source>
        <translation>atributo %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="372"/>
        <source>g = %1 (mean over the batch)</source>
        <translation>g = %1 (média no lote)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="373"/>
        <source>y = f(g) = %1</source>
        <translation>y = f(g) = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="375"/>
        <source>bias b = %1</source>
        <translation>bias b = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="368"/>
        <location filename="../../simulator/ui/editor/view.py" line="377"/>
        <source>δ = ∂J/∂g = %1</source>
        <translation>δ = ∂J/∂g = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="384"/>
        <source>Added %1 — drag from it to another neuron to connect.</source>
        <translation>Neurônio %1 adicionado — arraste a partir dele até outro neurônio para conectar.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="482"/>
        <source>Set weight of %1 → %2…</source>
        <translation>Definir peso de %1 → %2…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="485"/>
        <source>Delete connection</source>
        <translation>Excluir conexão</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="488"/>
        <source>Add input neuron here</source>
        <translation>Adicionar neurônio de entrada aqui</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="489"/>
        <source>Add hidden neuron here</source>
        <translation>Adicionar neurônio oculto aqui</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="490"/>
        <source>Add output neuron here</source>
        <translation>Adicionar neurônio de saída aqui</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="499"/>
        <source>Connection weight</source>
        <translation>Peso da conexão</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="293"/>
        <source>Connection cancelled</source>
        <translation>Conexão cancelada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="365"/>
        <source>at step t = %1:</source>
        <translation>no passo t = %1:</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="15"/>
        <source>Step</source>
        <translation>Degrau</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="16"/>
        <source>f(g) = 1 if g ≥ 0, else 0</source>
        <translation>f(g) = 1 se g ≥ 0, senão 0</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="17"/>
        <source>f′(g) = 0 (undefined at g = 0)</source>
        <translation>f′(g) = 0 (indeterminada em g = 0)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="18"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="19"/>
        <source>f(g) = g</source>
        <translation>f(g) = g</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="20"/>
        <source>f′(g) = 1</source>
        <translation>f′(g) = 1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="21"/>
        <source>Logistic (sigmoid)</source>
        <translation>Logística (sigmoide)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="22"/>
        <source>f(g) = 1 / (1 + e⁻ᵍ)</source>
        <translation>f(g) = 1 / (1 + e⁻ᵍ)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="23"/>
        <source>f′(g) = f(g)·(1 − f(g)) ≤ 0.25</source>
        <translation>f′(g) = f(g)·(1 − f(g)) ≤ 0.25</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="24"/>
        <source>Hyperbolic tangent</source>
        <translation>Tangente hiperbólica</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="25"/>
        <source>f(g) = (eᵍ − e⁻ᵍ) / (eᵍ + e⁻ᵍ)</source>
        <translation>f(g) = (eᵍ − e⁻ᵍ) / (eᵍ + e⁻ᵍ)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="26"/>
        <source>f′(g) = 1 − tanh²(g) ≤ 1</source>
        <translation>f′(g) = 1 − tanh²(g) ≤ 1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="27"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="28"/>
        <source>f(g) = max(0, g)</source>
        <translation>f(g) = max(0, g)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="29"/>
        <source>f′(g) = 1 if g &gt; 0, 0 if g &lt; 0</source>
        <translation>f′(g) = 1 se g &gt; 0, 0 se g &lt; 0</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="30"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="31"/>
        <source>f(g) = g if g &gt; 0, else 0.01·g</source>
        <translation>f(g) = g se g &gt; 0, senão 0.01·g</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="32"/>
        <source>f′(g) = 1 if g &gt; 0, else 0.01</source>
        <translation>f′(g) = 1 se g &gt; 0, senão 0.01</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="33"/>
        <source>Parametric ReLU</source>
        <translation>ReLU paramétrica</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="34"/>
        <source>f(g) = g if g &gt; 0, else α·g  (α learned)</source>
        <translation>f(g) = g se g &gt; 0, senão α·g  (α aprendido)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="35"/>
        <source>f′(g) = 1 if g &gt; 0, else α;  ∂f/∂α = min(0, g)</source>
        <translation>f′(g) = 1 se g &gt; 0, senão α;  ∂f/∂α = min(0, g)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="36"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="37"/>
        <source>f(g) = g·Φ(g) ≈ ½·g·(1 + tanh(√(2/π)·(g + 0.044715·g³)))</source>
        <translation>f(g) = g·Φ(g) ≈ ½·g·(1 + tanh(√(2/π)·(g + 0.044715·g³)))</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="38"/>
        <source>f′(g) = ½(1 + t) + ½·g·(1 − t²)·√(2/π)·(1 + 3·0.044715·g²)</source>
        <translation>f′(g) = ½(1 + t) + ½·g·(1 − t²)·√(2/π)·(1 + 3·0.044715·g²)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="39"/>
        <source>SiLU (swish)</source>
        <translation>SiLU (swish)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="40"/>
        <source>f(g) = g·σ(g)</source>
        <translation>f(g) = g·σ(g)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="41"/>
        <source>f′(g) = σ(g)·(1 + g·(1 − σ(g)))</source>
        <translation>f′(g) = σ(g)·(1 + g·(1 − σ(g)))</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="42"/>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="43"/>
        <source>f(g) = ln(1 + eᵍ)</source>
        <translation>f(g) = ln(1 + eᵍ)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="44"/>
        <source>f′(g) = σ(g) = 1 / (1 + e⁻ᵍ)</source>
        <translation>f′(g) = σ(g) = 1 / (1 + e⁻ᵍ)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="45"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="46"/>
        <source>f(g) = g if g &gt; 0, else α·(eᵍ − 1), α = 1</source>
        <translation>f(g) = g se g &gt; 0, senão α·(eᵍ − 1), α = 1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="47"/>
        <source>f′(g) = 1 if g &gt; 0, else α·eᵍ</source>
        <translation>f′(g) = 1 se g &gt; 0, senão α·eᵍ</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="48"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="49"/>
        <source>yₖ = eᵍᵏ / Σⱼ eᵍʲ</source>
        <translation>yₖ = eᵍᵏ / Σⱼ eᵍʲ</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="50"/>
        <source>∂yₖ/∂gⱼ = yₖ·(δₖⱼ − yⱼ)</source>
        <translation>∂yₖ/∂gⱼ = yₖ·(δₖⱼ − yⱼ)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="51"/>
        <source>Mean squared error</source>
        <translation>Erro quadrático médio</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="52"/>
        <source>Binary cross-entropy</source>
        <translation>Entropia cruzada binária</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="53"/>
        <source>Cross-entropy (softmax)</source>
        <translation>Entropia cruzada (softmax)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="54"/>
        <source>Gradient descent (SGD)</source>
        <translation>Gradiente descendente (SGD)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="55"/>
        <source>SGD with momentum</source>
        <translation>SGD com momentum</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="56"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="57"/>
        <source>logical AND: four clouds at the corners of the unit square</source>
        <translation>AND lógico: quatro nuvens nos cantos do quadrado unitário</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="58"/>
        <source>logical OR: four clouds at the corners of the unit square</source>
        <translation>OR lógico: quatro nuvens nos cantos do quadrado unitário</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="59"/>
        <source>logical XOR: four clouds, opposite corners share a class</source>
        <translation>XOR lógico: quatro nuvens; cantos opostos têm a mesma classe</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="60"/>
        <source>a disc inside a ring (concentric circles)</source>
        <translation>um disco dentro de um anel (círculos concêntricos)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="61"/>
        <source>Gaussian blobs, one per class</source>
        <translation>aglomerados gaussianos, um por classe</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="62"/>
        <source>interleaved spiral arms, one per class</source>
        <translation>braços de espiral entrelaçados, um por classe</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="63"/>
        <source>two interleaving half-moons</source>
        <translation>duas meias-luas entrelaçadas</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="64"/>
        <source>y = x² on [−1, 1]</source>
        <translation>y = x² em [−1, 1]</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="65"/>
        <source>y = 1/x on [1, 100]</source>
        <translation>y = 1/x em [1, 100]</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="66"/>
        <source>y = sin x on [1, 2π]</source>
        <translation>y = sen x em [1, 2π]</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="67"/>
        <source>y = (x₁ + x₂)/10, a tilted plane</source>
        <translation>y = (x₁ + x₂)/10, um plano inclinado</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="68"/>
        <source>a sum of Gaussian bumps over the plane</source>
        <translation>uma soma de picos gaussianos sobre o plano</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="106"/>
        <source>activations overflowed</source>
        <translation>as ativações estouraram</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="107"/>
        <source>gradients exploded</source>
        <translation>os gradientes explodiram</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="108"/>
        <source>weights overflowed</source>
        <translation>os pesos estouraram</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="109"/>
        <source>the loss overflowed</source>
        <translation>a perda estourou</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="110"/>
        <source>%1 in layer %2 at epoch %3: lower the learning rate, clip gradients or change the initialisation</source>
        <translation>%1 na camada %2 na época %3: reduza a taxa de aprendizado, aplique o recorte do gradiente ou mude a inicialização</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="118"/>
        <source>weights have grown huge (|w| up to %1): the learning rate is probably too large</source>
        <translation>os pesos ficaram enormes (|w| até %1): a taxa de aprendizado provavelmente está grande demais</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="121"/>
        <source>the loss grew %1× since the first epoch: the learning rate is probably too large</source>
        <translation>a perda cresceu %1× desde a primeira época: a taxa de aprendizado provavelmente está grande demais</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="128"/>
        <source>no training sequence has a target: every y of the %1 training sequences is null</source>
        <translation>nenhuma sequência de treino tem alvo: todos os y das %1 sequências de treino são nulos</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="130"/>
        <source>the network has no input neuron</source>
        <translation>a rede não tem neurônio de entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="131"/>
        <source>the network has no output neuron</source>
        <translation>a rede não tem neurônio de saída</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="133"/>
        <source>output %1 has no incoming connection</source>
        <translation>a saída %1 não tem nenhuma conexão de entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="135"/>
        <source>no path from any input to output %1</source>
        <translation>não há caminho de nenhuma entrada até a saída %1</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="137"/>
        <source>softmax outputs cannot be mixed with other outputs</source>
        <translation>saídas softmax não podem ser misturadas com outras saídas</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="139"/>
        <source>softmax needs one output neuron per class (at least two)</source>
        <translation>softmax precisa de um neurônio de saída por classe (pelo menos dois)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="141"/>
        <source>cross-entropy with several outputs needs softmax outputs</source>
        <translation>entropia cruzada com várias saídas precisa de saídas softmax</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="143"/>
        <source>data: %1 classes but the network has %2 softmax outputs</source>
        <translation>dados: %1 classes, mas a rede tem %2 saídas softmax</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="146"/>
        <source>data: %1 classes but the network has %2 outputs</source>
        <translation>dados: %1 classes, mas a rede tem %2 saídas</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="149"/>
        <source>data: %1 classes but the network has a single output, which separates two classes</source>
        <translation>dados: %1 classes, mas a rede tem uma só saída, que separa duas classes</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="161"/>
        <source>both ends must be neurons</source>
        <translation>as duas pontas devem ser neurônios</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="163"/>
        <source>a neuron cannot connect to itself</source>
        <translation>um neurônio não pode se ligar a si mesmo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="165"/>
        <source>%1 is an input neuron: nothing can feed it</source>
        <translation>%1 é um neurônio de entrada: nada pode alimentá-lo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="167"/>
        <source>%1 is an output neuron: it cannot feed another</source>
        <translation>%1 é um neurônio de saída: não pode alimentar outro</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="169"/>
        <source>%1 → %2 already exists</source>
        <translation>%1 → %2 já existe</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="171"/>
        <source>it would close a cycle %1 (a feed-forward network has no loops)</source>
        <translation>fecharia um ciclo %1 (uma rede de alimentação direta não tem ciclos)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="197"/>
        <source>&quot;%1&quot; is an empty range (did you mean %2?)</source>
        <translation>&quot;%1&quot; é um intervalo vazio (quis dizer %2?)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="199"/>
        <source>the list is empty</source>
        <translation>a lista está vazia</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="200"/>
        <source>&quot;%1&quot; has an empty item</source>
        <translation>&quot;%1&quot; tem um item vazio</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="202"/>
        <source>&quot;%1&quot; is not a seed (a whole number from 0, or a range like 0-15)</source>
        <translation>&quot;%1&quot; não é uma semente (um número inteiro a partir de 0, ou um intervalo como 0-15)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="205"/>
        <source>&quot;%1&quot;: seeds are whole numbers from 0</source>
        <translation>&quot;%1&quot;: sementes são números inteiros a partir de 0</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="206"/>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; não é um número</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="208"/>
        <source>&quot;%1&quot;: a learning rate must be a number greater than 0</source>
        <translation>&quot;%1&quot;: a taxa de aprendizado deve ser um número maior que 0</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="210"/>
        <source>unknown activation &quot;%1&quot; (known: %2)</source>
        <translation>ativação desconhecida &quot;%1&quot; (conhecidas: %2)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="213"/>
        <source>%1 variants: at most %2 can be compared</source>
        <translation>%1 variantes: no máximo %2 podem ser comparadas</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="215"/>
        <source>seed %1 appears twice</source>
        <translation>a semente %1 aparece duas vezes</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="217"/>
        <source>the learning rate %1 appears twice</source>
        <translation>a taxa de aprendizado %1 aparece duas vezes</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="218"/>
        <source>%1 appears twice</source>
        <translation>%1 aparece duas vezes</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="69"/>
        <source>random bits; the target is the bit of lag steps before</source>
        <translation>bits aleatórios; o alvo é o bit de tantos passos antes quanto a defasagem</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="70"/>
        <source>a bit stream in triples (a, b, a XOR b); predict the next bit (Elman, 1990)</source>
        <translation>um fluxo de bits em trincas (a, b, a XOR b); prever o próximo bit (Elman, 1990)</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="71"/>
        <source>a sine with a random phase; predict its next value</source>
        <translation>uma senoide com fase aleatória; prever o seu próximo valor</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="72"/>
        <source>random bits; the target is the parity of every bit so far</source>
        <translation>bits aleatórios; o alvo é a paridade de todos os bits até agora</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="152"/>
        <source>a recurrent network needs sequence data: a sequence task (echo, temporal-xor, sine-next, parity) or inline sequences</source>
        <translation>uma rede recorrente precisa de dados em sequência: uma tarefa de sequências (echo, temporal-xor, sine-next, parity) ou sequências no próprio arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/render/engine_text.py" line="155"/>
        <source>batch normalisation is not available for sequences (neuron %1)</source>
        <translation>a normalização de batch não está disponível para sequências (neurônio %1)</translation>
    </message>
</context>
<context>
    <name>ExportAnimationDialog</name>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="418"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="478"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="523"/>
        <source>Export animation</source>
        <translation>Exportar animação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="424"/>
        <source>Training from the start</source>
        <translation>Treinamento desde o início</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="425"/>
        <source>One training step, phase by phase (current weights)</source>
        <translation>Um passo de treinamento, fase por fase (pesos atuais)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="432"/>
        <source>Animation</source>
        <translation>Animação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="433"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="434"/>
        <source>Frames</source>
        <translation>Quadros</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="441"/>
        <source>The same settings give the same file: training is seeded.</source>
        <translation>As mesmas opções geram o mesmo arquivo: o treinamento usa semente fixa.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="444"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="529"/>
        <source>Cannot export the animation</source>
        <translation>Não foi possível exportar a animação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="535"/>
        <source>Exported %1</source>
        <translation>Exportado %1</translation>
    </message>
</context>
<context>
    <name>ExportFigureDialog</name>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="298"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="358"/>
        <location filename="../../simulator/ui/export_dialogs.py" line="397"/>
        <source>Export figure</source>
        <translation>Exportar figura</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="312"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="313"/>
        <source>Copy to Clipboard</source>
        <translation>Copiar para a área de transferência</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="383"/>
        <source>%1 × %2 in, %3 × %4 pixels at %5 dpi</source>
        <translation>%1 × %2 pol, %3 × %4 pixels a %5 dpi</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="387"/>
        <source>%1 × %2 in, vector: text stays text, sharp at any size</source>
        <translation>%1 × %2 pol, vetorial: o texto continua texto, nítido em qualquer tamanho</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="403"/>
        <source>Cannot export the figure</source>
        <translation>Não foi possível exportar a figura</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="406"/>
        <source>Exported %1</source>
        <translation>Exportado %1</translation>
    </message>
</context>
<context>
    <name>FigureControls</name>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="145"/>
        <source>inches</source>
        <translation>polegadas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="146"/>
        <source>pixels</source>
        <translation>pixels</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="150"/>
        <source>dpi</source>
        <translation>dpi</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="152"/>
        <source>Light (print)</source>
        <translation>Claro (impressão)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="153"/>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="154"/>
        <source>Transparent background</source>
        <translation>Fundo transparente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="155"/>
        <source>Legend of the network</source>
        <translation>Legenda da rede</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="159"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="170"/>
        <source>View</source>
        <translation>Vista</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="171"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="172"/>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="173"/>
        <source>Resolution</source>
        <translation>Resolução</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="174"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/export_dialogs.py" line="177"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
</context>
<context>
    <name>GradientPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="291"/>
        <source>mean |∂J/∂w| is 0 in every layer: no gradient flows (dead ReLUs?)</source>
        <translation>o |∂J/∂w| médio é 0 em todas as camadas: nenhum gradiente flui (ReLUs agonizantes?)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="293"/>
        <location filename="../../simulator/ui/panels/charts.py" line="298"/>
        <source>output</source>
        <translation>saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="295"/>
        <source>mean |∂J/∂w| in the last epoch, layer by layer — %1</source>
        <translation>|∂J/∂w| médio na última época, camada por camada — %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="303"/>
        <source>mean |∂J/∂w| per layer appears after the first epoch</source>
        <translation>o |∂J/∂w| médio por camada aparece após a primeira época</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="300"/>
        <source>mean |∂J/∂w| of mini-batch %1, layer by layer — %2</source>
        <translation>|∂J/∂w| médio do mini-lote %1, camada por camada — %2</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="38"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="38"/>
        <source>Hidden</source>
        <translation>Oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="38"/>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="53"/>
        <source>batch normalisation</source>
        <translation>normalização de batch</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="74"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="75"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="76"/>
        <source>Feature</source>
        <translation>Atributo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="77"/>
        <source>Activation</source>
        <translation>Ativação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="78"/>
        <source>Bias w₀ⱼ</source>
        <translation>Bias w₀ⱼ</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="80"/>
        <source>Weight wᵢⱼ</source>
        <translation>Peso wᵢⱼ</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="133"/>
        <source>Neuron %1</source>
        <translation>Neurônio %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="152"/>
        <source>Connection %1 → %2</source>
        <translation>Ligação %1 → %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="161"/>
        <source>%1 neurons and %2 connections selected</source>
        <translation>%1 neurônios e %2 conexões selecionados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="175"/>
        <source>&lt;b&gt;The network&lt;/b&gt;&lt;br&gt;%1 neurons, %2 connections.&lt;br&gt;&lt;br&gt;Click the canvas to add a neuron; drag from one neuron to another to connect them. Right-click for more.</source>
        <translation>&lt;b&gt;A rede&lt;/b&gt;&lt;br&gt;%1 neurônios, %2 conexões.&lt;br&gt;&lt;br&gt;Clique na área de desenho para adicionar um neurônio; arraste de um neurônio a outro para conectá-los. Clique com o botão direito para mais opções.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="236"/>
        <source>update: w ← w − α·∂J/∂w, α = %1</source>
        <translation>atualização: w ← w − α·∂J/∂w, α = %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="248"/>
        <source>Input neuron: its output is the feature %1 of the sample.</source>
        <translation>Neurônio de entrada: sua saída é o atributo %1 da amostra.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="287"/>
        <source>For sample %1 of the last step:</source>
        <translation>Para a amostra %1 do último passo:</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="284"/>
        <source>For step t = %1 of sequence %2 of the last training step:</source>
        <translation>No passo t = %1 da sequência %2 do último passo de treinamento:</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="62"/>
        <location filename="../../simulator/ui/panels/inspector.py" line="158"/>
        <source>delayed (previous step)</source>
        <translation>com atraso (passo anterior)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="63"/>
        <source>A delayed (recurrent) connection carries its source&apos;s value of the previous time step: drawn as an arc marked z⁻¹</source>
        <translation>Uma conexão com atraso (recorrente) leva o valor da sua origem no passo de tempo anterior: desenhada como um arco marcado z⁻¹</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="81"/>
        <source>Delay</source>
        <translation>Atraso</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="159"/>
        <source>delayed (%1 steps back)</source>
        <translation>com atraso (%1 passos atrás)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="226"/>
        <source>%1 reads x&lt;sub&gt;%2&lt;/sub&gt;(t−%3): the value of %2 %3 step(s) before</source>
        <translation>%1 lê x&lt;sub&gt;%2&lt;/sub&gt;(t−%3): o valor de %2 de %3 passo(s) antes</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="228"/>
        <source>%1 reads x&lt;sub&gt;%2&lt;/sub&gt; of the same step</source>
        <translation>%1 lê x&lt;sub&gt;%2&lt;/sub&gt; do mesmo passo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="305"/>
        <source>training sequence %1</source>
        <translation>sequência de treino %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="305"/>
        <source>test sequence %1</source>
        <translation>sequência de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/inspector.py" line="307"/>
        <source>At step t = %1 of %2:</source>
        <translation>No passo t = %1 da %2:</translation>
    </message>
</context>
<context>
    <name>LegendOverlay</name>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="546"/>
        <source>showing the %1 heaviest of %2 connections in view; zoom in for more</source>
        <translation>mostrando as %1 ligações de maior peso entre %2 visíveis; aproxime para ver mais</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/editor/view.py" line="542"/>
        <source>zoom in to read this step&apos;s values (%1 have no room at this scale)</source>
        <translation>aproxime para ler os valores deste passo (%1 sem espaço nesta escala)</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="44"/>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="92"/>
        <source>Try the remedies</source>
        <translation>Experimente as mitigações</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="47"/>
        <source>Restart the lesson</source>
        <translation>Reiniciar a lição</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="73"/>
        <source>Untitled network</source>
        <translation>Rede sem título</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="76"/>
        <source>Open a lesson from the Lessons menu, or draw your own network: click the canvas to add neurons, drag between them to connect.</source>
        <translation>Abra uma lição pelo menu Lições ou desenhe sua própria rede: clique na área de desenho para adicionar neurônios e arraste entre eles para conectá-los.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="111"/>
        <source>Remedies: %1</source>
        <translation>Mitigações: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="109"/>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="92"/>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/lesson_panel.py" line="111"/>
        <source>Compare: %1</source>
        <translation>Comparar: %1</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="221"/>
        <source>log scale</source>
        <translation>escala log</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="263"/>
        <source>accuracy %1 / %2</source>
        <translation>acurácia %1 / %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="265"/>
        <source>R² %1 / %2</source>
        <translation>R² %1 / %2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/charts.py" line="268"/>
        <source>epoch %1 · loss %2 / %3 (train / test) · %4</source>
        <translation>época %1 · perda %2 / %3 (treino / teste) · %4</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="202"/>
        <source>Lesson</source>
        <translation>Lição</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="203"/>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="204"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="205"/>
        <source>Decision surface</source>
        <translation>Superfície de decisão</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="206"/>
        <source>Activation lab</source>
        <translation>Laboratório de ativações</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="207"/>
        <source>Inspector</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="209"/>
        <source>Loss and metrics</source>
        <translation>Perda e métricas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="210"/>
        <source>Gradient flow</source>
        <translation>Fluxo do gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="301"/>
        <source>&amp;New</source>
        <translation>&amp;Novo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="302"/>
        <source>Start an empty network</source>
        <translation>Começar uma rede vazia</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="303"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="304"/>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="305"/>
        <source>Save &amp;As…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="306"/>
        <source>&amp;Quit</source>
        <translation>Sa&amp;ir</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="307"/>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="309"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="313"/>
        <source>&amp;Delete</source>
        <translation>&amp;Excluir</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="315"/>
        <source>Select &amp;All</source>
        <translation>Selecionar &amp;tudo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="316"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="317"/>
        <source>Add &amp;Layer…</source>
        <translation>Adicionar &amp;camada…</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="318"/>
        <source>&amp;Fully Connect Selection</source>
        <translation>Co&amp;nectar toda a seleção</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="320"/>
        <source>Connect every selected neuron to every selected neuron in the next column</source>
        <translation>Conectar cada neurônio selecionado a cada neurônio selecionado da coluna seguinte</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="321"/>
        <source>Auto-la&amp;yout</source>
        <translation>&amp;Organizar automaticamente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="322"/>
        <source>&amp;Zoom to Fit</source>
        <translation>&amp;Ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="323"/>
        <source>&amp;Draw</source>
        <translation>Desen&amp;har</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="324"/>
        <source>Draw: click to add a neuron, drag between neurons to connect</source>
        <translation>Desenhar: clique para adicionar um neurônio, arraste entre neurônios para conectar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="325"/>
        <source>&amp;Select / Move</source>
        <translation>&amp;Selecionar / mover</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="326"/>
        <source>Select and move neurons</source>
        <translation>Selecionar e mover neurônios</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="335"/>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="335"/>
        <source>A click adds an input neuron (a feature of the data)</source>
        <translation>Um clique adiciona um neurônio de entrada (um atributo dos dados)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="336"/>
        <source>Hidden</source>
        <translation>Oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="336"/>
        <source>A click adds a hidden neuron</source>
        <translation>Um clique adiciona um neurônio oculto</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="337"/>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="337"/>
        <source>A click adds an output neuron</source>
        <translation>Um clique adiciona um neurônio de saída</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="346"/>
        <source>Show &amp;Legend</source>
        <translation>Mostrar &amp;legenda</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="348"/>
        <source>Colour by &amp;Gradient</source>
        <translation>Colorir por &amp;gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="349"/>
        <source>Colour by &amp;Weight</source>
        <translation>Colorir por pe&amp;so</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="356"/>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="357"/>
        <source>&amp;Dark</source>
        <translation>&amp;Escuro</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="364"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="365"/>
        <source>&amp;About nnsim</source>
        <translation>&amp;Sobre o nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="371"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="374"/>
        <source>Open &amp;Lesson</source>
        <translation>Abrir &amp;lição</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="375"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="381"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="385"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="390"/>
        <source>A Click &amp;Adds</source>
        <translation>Um clique &amp;adiciona</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="394"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="395"/>
        <source>&amp;Panels</source>
        <translation>&amp;Painéis</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="404"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="407"/>
        <source>La&amp;nguage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="416"/>
        <source>&amp;Train</source>
        <translation>&amp;Treinar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="417"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Lições</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="421"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="448"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="498"/>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="499"/>
        <source>“%1” has changes that are not saved.</source>
        <translation>“%1” tem alterações que não foram salvas.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="502"/>
        <source>Save them before continuing?</source>
        <translation>Salvá-las antes de continuar?</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="511"/>
        <source>Untitled network</source>
        <translation>Rede sem título</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="517"/>
        <source>Open network</source>
        <translation>Abrir rede</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="528"/>
        <source>Cannot open %1</source>
        <translation>Não é possível abrir %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="532"/>
        <source>Opened %1</source>
        <translation>Arquivo aberto: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="541"/>
        <source>Cannot open the lesson</source>
        <translation>Não é possível abrir a lição</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="588"/>
        <source>Save network</source>
        <translation>Salvar rede</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="610"/>
        <source>Cannot save %1</source>
        <translation>Não é possível salvar %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="616"/>
        <source>Saved %1</source>
        <translation>Arquivo salvo: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="629"/>
        <source>Recover unsaved work</source>
        <translation>Recuperar trabalho não salvo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="630"/>
        <source>nnsim did not close properly. Recover “%1”, autosaved at %2?</source>
        <translation>O nnsim não foi fechado corretamente. Recuperar “%1”, salvo automaticamente às %2?</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="633"/>
        <source>Recover</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="634"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="641"/>
        <source>Cannot recover the autosaved work</source>
        <translation>Não é possível recuperar o trabalho salvo automaticamente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="647"/>
        <source>Recovered the autosaved work: save it to keep it.</source>
        <translation>Trabalho salvo automaticamente recuperado: salve-o para não perdê-lo.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="679"/>
        <source>(none yet)</source>
        <translation>(nenhum ainda)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="682"/>
        <source>Clear the list</source>
        <translation>Limpar a lista</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="725"/>
        <source>Click on the canvas</source>
        <translation>Clicar na área de desenho</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="725"/>
        <source>add a neuron of the chosen kind (draw mode; I, H, O choose)</source>
        <translation>adicionar um neurônio do tipo escolhido (modo desenho; I, H, O escolhem)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="726"/>
        <source>Drag from a neuron to another</source>
        <translation>Arrastar de um neurônio a outro</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="726"/>
        <source>connect them</source>
        <translation>conectá-los</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="727"/>
        <source>draw mode / select-and-move mode</source>
        <translation>modo desenho / modo selecionar e mover</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="728"/>
        <source>Drag on empty canvas</source>
        <translation>Arrastar na área vazia</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="728"/>
        <source>select with a rubber band</source>
        <translation>selecionar com um retângulo de seleção</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="729"/>
        <source>delete the selection</source>
        <translation>excluir a seleção</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="730"/>
        <source>duplicate the selection</source>
        <translation>duplicar a seleção</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="731"/>
        <source>add a hidden layer</source>
        <translation>adicionar uma camada oculta</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="732"/>
        <source>fully connect the selected columns</source>
        <translation>conectar totalmente as colunas selecionadas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="733"/>
        <source>auto-layout in columns</source>
        <translation>organizar automaticamente em colunas</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="734"/>
        <source>Wheel</source>
        <translation>Roda do mouse</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="734"/>
        <source>zoom under the mouse</source>
        <translation>zoom sob o cursor</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="735"/>
        <source>Middle-drag, Space+drag</source>
        <translation>Arrastar com o botão do meio, Espaço+arrastar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="735"/>
        <source>pan</source>
        <translation>mover a vista</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="736"/>
        <source>zoom to fit</source>
        <translation>ajustar à janela</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="740"/>
        <source>play / pause training</source>
        <translation>reproduzir / pausar o treinamento</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="741"/>
        <source>undo, redo</source>
        <translation>desfazer, refazer</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="742"/>
        <source>new, open, save</source>
        <translation>novo, abrir, salvar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="763"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="774"/>
        <source>About nnsim</source>
        <translation>Sobre o nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="775"/>
        <source>&lt;b&gt;nnsim&lt;/b&gt; — a visual simulator of artificial neural networks for teaching.&lt;br&gt;&lt;br&gt;Draw a network, train it step by step, and watch the forward and backward passes: edge thickness is the weight, edge colour the gradient.</source>
        <translation>&lt;b&gt;nnsim&lt;/b&gt; — um simulador visual de redes neurais artificiais para o ensino.&lt;br&gt;&lt;br&gt;Desenhe uma rede, treine-a passo a passo e observe as passagens direta e reversa: a espessura de cada conexão é o peso; a cor, o gradiente.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="1017"/>
        <source>Cannot train yet: %1</source>
        <translation>Ainda não é possível treinar: %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="101"/>
        <source>&amp;Compare Runs</source>
        <translation>&amp;Comparar Treinos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="102"/>
        <source>Train variants side by side: seeds, learning rates, activations</source>
        <translation>Treinar variantes lado a lado: sementes, taxas de aprendizado, ativações</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="220"/>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="915"/>
        <source>Open the variant %1</source>
        <translation>Abrir a variante %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="936"/>
        <source>Opened the variant %1: trained %2 epochs, as in the comparison</source>
        <translation>Variante %1 aberta: %2 épocas treinadas, como na comparação</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="1024"/>
        <source>The lesson&apos;s %1 epochs are done: press Play to go on</source>
        <translation>As %1 épocas da lição terminaram: pressione Reproduzir para continuar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="47"/>
        <source>nnsim networks</source>
        <translation>Redes do nnsim</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="48"/>
        <source>All files</source>
        <translation>Todos os arquivos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="366"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Guia do usuário</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="367"/>
        <source>Open the user guide: the window, every lesson, the file format</source>
        <translation>Abrir o guia do usuário: a janela, cada lição, o formato de arquivo</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="768"/>
        <source>User guide</source>
        <translation>Guia do usuário</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/main_window.py" line="769"/>
        <source>The user guide is the docs folder of nnsim&apos;s source (docs/index.md).</source>
        <translation>O guia do usuário é a pasta docs do código-fonte do nnsim (docs/index.md).</translation>
    </message>
</context>
<context>
    <name>SequencePanel</name>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="38"/>
        <source>training</source>
        <translation>treino</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="39"/>
        <source>test</source>
        <translation>teste</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="47"/>
        <source>Sequence</source>
        <translation>Sequência</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="100"/>
        <source>No sequence: this network trains on points, not on sequences.</source>
        <translation>Nenhuma sequência: esta rede treina com pontos, não com sequências.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="108"/>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="125"/>
        <source>%1 of %2 steps with a target right · loss %3</source>
        <translation>%1 de %2 passos com alvo corretos · perda %3</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/sequence_panel.py" line="127"/>
        <source>loss %1 over the steps with a target</source>
        <translation>perda %1 nos passos com alvo</translation>
    </message>
</context>
<context>
    <name>SurfacePanel</name>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="35"/>
        <source>test data</source>
        <translation>dados de teste</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="38"/>
        <source>discretise</source>
        <translation>discretizar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="41"/>
        <source>Add points</source>
        <translation>Adicionar pontos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="43"/>
        <source>Click to add a point of the chosen class, Shift+click for the other class. Off: click a data point to take one training step on it.</source>
        <translation>Clique para adicionar um ponto da classe escolhida, Shift+clique para a outra classe. Desligado: clique num ponto dos dados para dar um passo de treino com ele.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="46"/>
        <location filename="../../simulator/ui/panels/surface.py" line="106"/>
        <source>class 1</source>
        <translation>classe 1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="47"/>
        <location filename="../../simulator/ui/panels/surface.py" line="107"/>
        <source>class 0</source>
        <translation>classe 0</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="103"/>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="128"/>
        <location filename="../../simulator/ui/panels/surface.py" line="136"/>
        <source>neuron %1</source>
        <translation>neurônio %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="139"/>
        <source>test accuracy %1</source>
        <translation>acurácia de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="142"/>
        <location filename="../../simulator/ui/panels/surface.py" line="160"/>
        <source>test R² %1</source>
        <translation>R² de teste %1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="216"/>
        <source>Add a data point</source>
        <translation>Adicionar um ponto de dados</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="52"/>
        <source>Sequences have no input plane, so there is no decision surface or fit to draw. The accuracy counts every step of the test sequences that has a target.</source>
        <translation>Sequências não têm um plano de entradas, então não há superfície de decisão nem ajuste para desenhar. A acurácia conta cada passo das sequências de teste que tem um alvo.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="156"/>
        <source>test accuracy %1 (per step)</source>
        <translation>acurácia de teste %1 (por passo)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/surface.py" line="158"/>
        <source>sequences entirely right %1</source>
        <translation>sequências inteiramente certas %1</translation>
    </message>
</context>
<context>
    <name>TimeGradientPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/time_gradient_panel.py" line="22"/>
        <source>The gradient through time appears once a recurrent network trains on sequences.</source>
        <translation>O gradiente no tempo aparece quando uma rede recorrente treina com sequências.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/time_gradient_panel.py" line="26"/>
        <source>mean |∂J/∂h| k steps back from the last target — %1</source>
        <translation>|∂J/∂h| médio k passos antes do último alvo — %1</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="46"/>
        <source>uniform</source>
        <translation>uniforme</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="46"/>
        <source>normal (Gaussian)</source>
        <translation>normal (gaussiana)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="47"/>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="47"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="47"/>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="64"/>
        <source>clip at</source>
        <translation>recortar em</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="72"/>
        <source>reshuffle every epoch</source>
        <translation>embaralhar a cada época</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="96"/>
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="97"/>
        <source>Optimiser</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="98"/>
        <source>Learning rate α</source>
        <translation>Taxa de aprendizado α</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="99"/>
        <source>Batch size</source>
        <translation>Tamanho do lote</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="100"/>
        <source>Initialisation</source>
        <translation>Inicialização</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="101"/>
        <source>L1 penalty</source>
        <translation>Penalidade L1</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="102"/>
        <source>L2 penalty</source>
        <translation>Penalidade L2</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="103"/>
        <source>Gradient norm</source>
        <translation>Norma do gradiente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="104"/>
        <source>Shuffle</source>
        <translation>Embaralhar</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="106"/>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="147"/>
        <source>Initialisation and seed apply from the start: changing them resets training. The others apply live.</source>
        <translation>A inicialização e a semente valem desde o início: alterá-las reinicia o treinamento. As demais opções valem na hora.</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="76"/>
        <source>whole sequence</source>
        <translation>sequência inteira</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="77"/>
        <source> steps</source>
        <translation> passos</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="79"/>
        <source>Backpropagation through time in windows of this many steps: the error does not flow back across a window&apos;s start</source>
        <translation>Retropropagação no tempo em janelas de tantos passos: o erro não volta para trás do início de uma janela</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/panels/training_panel.py" line="105"/>
        <source>Backpropagation through time</source>
        <translation>Retropropagação no tempo</translation>
    </message>
</context>
<context>
    <name>UnrolledView</name>
    <message>
        <location filename="../../simulator/ui/unrolled_view.py" line="108"/>
        <source>one shared weight w = %1, drawn in all %2 copies</source>
        <translation>um único peso compartilhado w = %1, desenhado nas %2 cópias</translation>
    </message>
    <message>
        <location filename="../../simulator/ui/unrolled_view.py" line="113"/>
        <source>∂J/∂w = %1: the sum of what every step contributes</source>
        <translation>∂J/∂w = %1: a soma das contribuições de todos os passos</translation>
    </message>
</context>
</TS>
