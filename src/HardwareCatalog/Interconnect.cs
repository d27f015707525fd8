using HardwareCatalog.Units;

namespace HardwareCatalog
{
    /// <summary>An accelerator's links, per device, as its datasheet prints them (NVIDIA prints bidirectional totals).</summary>
    public sealed class Interconnect
    {
        /// <summary>Creates the description; a link the datasheet does not give is null.</summary>
        public Interconnect(Bandwidth? nvLink = null, Bandwidth? pcie = null, Bandwidth? infinityFabric = null, Bandwidth? ici = null, Bandwidth? ethernet = null, Bandwidth? neuronLink = null)
        {
            NeuronLink = neuronLink;
            NvLink = nvLink;
            Pcie = pcie;
            InfinityFabric = infinityFabric;
            Ici = ici;
            Ethernet = ethernet;
        }

        /// <summary>No link given.</summary>
        public static Interconnect None { get; } = new Interconnect();

        /// <summary>NVIDIA NVLink bandwidth.</summary>
        public Bandwidth? NvLink { get; }

        /// <summary>PCI Express host bandwidth.</summary>
        public Bandwidth? Pcie { get; }

        /// <summary>AMD Infinity Fabric (xGMI) peer bandwidth.</summary>
        public Bandwidth? InfinityFabric { get; }

        /// <summary>Google TPU inter-chip interconnect bandwidth.</summary>
        public Bandwidth? Ici { get; }

        /// <summary>Integrated Ethernet (for example Gaudi's RoCE ports).</summary>
        public Bandwidth? Ethernet { get; }

        /// <summary>AWS NeuronLink chip-to-chip bandwidth (Trainium).</summary>
        public Bandwidth? NeuronLink { get; }
    }
}
