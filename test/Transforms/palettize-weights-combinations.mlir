// Every valid combination of granularity x lut-dtype x (per-channel scale |
// 2-D vectors) on a linear weight W[32, 64] (f16, through transpose ->
// matmul: output axis 0), 2-bit indices: LUT shapes and types, index shapes,
// and the dequantizing chain when there is one. (Vectors along the output
// axis need groups of several output channels: per_channel with cluster-dim 2
// is a skip, tested in palettize-weights-skips-cluster.mlir.)
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{n-bits=2})' | FileCheck %s --check-prefix=TENSOR-NONE-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=TENSOR-NONE-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-NONE-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=int8 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-INT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=int8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=TENSOR-INT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=int8 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-INT8-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=uint8 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-UINT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=uint8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=TENSOR-UINT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=uint8 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-UINT8-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e4m3fn n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E4M3-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e4m3fn enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E4M3-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e4m3fn cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E4M3-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e5m2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E5M2-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e5m2 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E5M2-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{lut-dtype=fp8_e5m2 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=TENSOR-FP8E5M2-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-NONE-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-NONE-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=int8 n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-INT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=int8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-INT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=uint8 n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-UINT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=uint8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-UINT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=fp8_e4m3fn n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-FP8E4M3-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=fp8_e4m3fn enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-FP8E4M3-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=fp8_e5m2 n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-FP8E5M2-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_channel lut-dtype=fp8_e5m2 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=CHANNEL-FP8E5M2-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-NONE-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=GROUPED-NONE-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-NONE-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=int8 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-INT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=int8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=GROUPED-INT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=int8 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-INT8-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=uint8 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-UINT8-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=uint8 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=GROUPED-UINT8-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=uint8 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-UINT8-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e4m3fn n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E4M3-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e4m3fn enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E4M3-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e4m3fn cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E4M3-VECTOR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e5m2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E5M2-SCALAR
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e5m2 enable-per-channel-scale=true n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E5M2-PCS
// RUN: coreai-opt %s --pass-pipeline='builtin.module(coreai-palettize-weights{granularity=per_grouped_channel group-size=16 lut-dtype=fp8_e5m2 cluster-dim=2 n-bits=2})' | FileCheck %s --check-prefix=GROUPED-FP8E5M2-VECTOR

coreai.graph @main(%x: tensor<2x64xf16>) -> tensor<2x32xf16> {
  %w = coreai.constant dense_resource<w> : tensor<32x64xf16>
  %perm = coreai.constant dense<[1, 0]> : tensor<2xui32>
  %t = coreai.transpose %w, %perm : (tensor<32x64xf16>, tensor<2xui32>) -> tensor<64x32xf16>
  %y = coreai.decomposable.broadcasting_batch_matmul %x, %t : (tensor<2x64xf16>, tensor<64x32xf16>) -> tensor<2x32xf16>
  coreai.output %y : tensor<2x32xf16>
}
{-# dialect_resources: { builtin: {
  w: "0x10000000D91C002CF6A95A2AA2A2B2A2142E08206598AB28362B519687273BAAB2A49CA543ACD4AC35AD1CA26AA01AA4141B46AC129C1822CF286AA91EA573AE72A608AF8BAC0D2B0CAF1C293224FFA3E125C026B12AE6A195A7BDA750AA9A9807A9D72AFBAD00AB1AAAB2AE162EB5AF41A3B9A64D2D5AAEDC2AAEA8F39F4BA8192848AB0A9C8624E42DB2AFE12C112A31A6CE23F7A5452D5E2185A1D7A11EA185A0A0A9962E1DAEC5B14A9E819FC4243CA1959F4124332ABCA5C6A4362EC9264FAA702FF7288AA784ABA32353A9C5AA26AC7BA6172B8DA5A3AC4828BA1A6729B12B52A06A9FA89843AB4828642C732014A2A7A2FFA825A921A563A999A50CAD7B24071960AB5BAF618E112BB2A82FA647A72E28DDA94F2AC2A3EB29AD16ECA1BBAC66A8B0A23928452276A83F25522A9B9F9FA50AA53029E426F3A9CC2425A6CFA8EF2B4129A4A8101C6B2618A82B9E4528BAAD3124BA2874264BAC142487A94C27BD278A21E6A891A77729C1A959268C2622A3AA2F2F1BDE2E74AE2EAF492A1228FFA37C9917AE07A89DAAAEA1AC296D19C22478A891A5BE1D3AA30C2C9BA90D2E47AAC82AF3A8462DFC1E1925C42810A8ABAA7CAECF2B75A894A755965D2E88AD622211A5CF26C2AD18A56129FD2C1C2D79A99A19A09D68AC9CACD82849224D9FC82B69AABD261610149A47268120D522CD22342EF5A37A2ACA277AA418297DA96D2B2EA945A623245429CF29B8294DA11EAA0A27BA2319AA3B2A192121AAA6253EAC9EA92625FCACB71753ACB828A8A8AD20CFAC68A4102ADA25E2ADEB29B629D1A4892CC7AA5F9C212B312C192C01ABB2AD022595ACBB9E1AACCB2A25291F270513B1189EA3E8246322E1257DA5132E3A23762C422CA0A966AD062CF6A4321CA2A2B11E9DAB499DF0A5399279AF41293F2487ADB3A860160628F7006D2C901467AA54A8C228DAA76229882A8827832A73A0E48F93A7CFA702AD1CA7DBAA92AC811FD22560A4612C062AB02ABAA7C6AC2427E423A6285525082C60A34628BBA964AFB0A5CC2C5DAD822A59A81EA57A186C213CAA771EAE255829D4A8F72C1A2EBA2F4AAC6D20F3ADD7241B275BAB13ADCB20052812A9B1A20BB087A8861FC71F112D4EAB35AFCA2592A756239928B0279D2C542C54AD739A672E36A5302AB89961A5112DAB2A3DA2CE2934ACA4A8C629FF17CCAAC32536241D2C202A0FA333A6199FDFA1AE2C152D582CDB2445A2C82978A40C2255AD6CA59C2C92AAC6AC32A0562DA52C9BA41EA6A89DF6A95617AEA3B9AC6BA793A282A92AABCB29112E5AA370A56E26DFA102A9742CAAAAAEA840A8A9A919A25E279D2C3E28371701AC499A07AA019D432A3A2164A1D2A89294AC1DF1A979A6A42950ADACA578ABF32CBF27962612255623792313AD99229B2792AC47294528DFAC09A6DEA3BFA6012516ACBAA1C321A328011934A26B285EAEFA29E1A301AC7FA5DEAD8BAE30A4FAA8B228ACA925AC22AA7D2D3D15D4A756AA08AB36A078255E2B562BF62238A882A967AF85AA612556A4B52450ACBE298F234A18202528AF23A7BDA9CD2DB0A077A67529BFAA8D2C7FA8119ADCA92C29F3AE6C283FA913195EABDB21CA208D270724FA275B2AFBA48CAB17AC5B28D1A4BC2AA0187AAACB29372EA2A002AA6AA9B2297DA731A56228C210E61DF8A616A83320EE1F942764A66B241726401C4E27792A1321FE1B34AA3424C89CF1A348A9582718308A256C1C962595A7E31C3DA81BA8F321DF21BE9D15A9BF22F6AAF0286EA471000829202724AC5EA2B424F6AAB2AF559BCD987A25391CB61E2222662C3426F12606A5302BC4A0B928BFAE4822F79CE6A51E2C2E253C9FB8A6002EC8283328E0A82C2C2527E3A2579D32AD2A28FAAA63299EA5F2A7B824652133AB9E9BC02769A24BAC33A223AA60A7CA18659959A147AD74241AA131A5F11F252E1DAC20ADDD2808A9252C46AA2EA65229D029A725CC25A19E9DA530A10C2C822894130B244929892BBC9E049C3624273027220B2CE2AC662979ACE1AA08A8429F9120AB24B72190A51F3002253E286E2E252A5A271A24EE2DDDAA15AA6D1F78AEF0A82A2BD9A52920652864ABE322FCA7EFAAF8A2A89915A52FA8102A502B0E27F29CAFAA34A904AB4F21CC29C829F394DEA485202B1E8A27AD2C55A8A22EA8AEA5ADCCAC80AAEFA18C2E6FA8002B96A4B01F79AA322FCF97CCA7352F98204525639F43A989AC75A01F2D56256EA0B92AE9A95C2CCC9244A94D2887265CA47421342A742C5FA92BB07D2EACA249A573256BA59B2AE5AB31A1F8ABD52C43A2F72A662C94AB9AA190281319D39E5629CA2983A7E29E1C285F212F1F1CAB912DD4A1CA2220979F1AA81F4CA9CC24A12B1825992826266916C22D54A8E324862A6823AEAAE4AAF62C14AA4D0FE926B81CA4AD06AE5B9DE9A8A3A2A41C24203FAC57ADF929FDA772AB57AECF2600ACA5AAED27C523262706AC8EB045AAA4A336A8A7299724A4AA3227889F2BA6232B50AD912AF12A8BAEDBA025A037AB4CA72CA9771A1EA7D2AE9C2BB62951A99129722EF4AC3BA59EA61C27BCA376AC052C1CA4A7284D2FC1A840A5D3296C9DA926758A7B3010286B24711EF52434ADEEA2C328AFAB6418D69C8EA6FE2F9428442406A95A1CA0A38C9CAD2102304A2C792D662C853037A81CAC6021AF229417F4A76928872DB821BCA1AD2BBAA381A41A244CAF0C2E389DAA261424472543ACAF2D6627C6230C310CACC528D79CCAAC3A2EF8AC791F1E9CE720FFA9632C9E2211ACC1AB1F2366AB9D2544246DA72BAE27ACAA2490A6F72D94A5F7246128FC1C0A24822A1E9F662488A4702E84206629C2B02AA62EAB8A189DA5AFAAEFA24129E52AC0A6D12AD9A7FF2777A9BD2A732F57A3E02BA1AC05A84530809A832632ADBE8EFDA8C02BC1A61730FBAA412466AE1FA5D22B4F9D24AC60261C2AAF25612A8AACDA2D9428BCAE032EF4A59D2655AE00A8D7AD6629D4A1E3A9BFA4362BFAA853278FAB52AD35A648A3A2200D2A46A5A1A4E82885252899212201AFF7A61DAD7CA4C62960ADE7292DA759A1EBA58C2846A8A6AE27249B9F0B28B827BEAB4221351E759B0C1D092416A7B09F472ACBAA029C7EAACCAA53A58320DD2C23A1FB29ED261F1BF5B0791EB319A6AABE1EB82C60AB8AA6CF29C4AD9CAA9823182AC92BD628612FF92422ACF7A00028C02432AEED2415A917A1AE2C3CA03CA81B9E20A88C2E4A29D8295EA81AA89622F9AE8D2A16AC2C1D4F240DA989247928152E0A25D12DF925F0A08329A7A6CA1FFD27502B1023ACAC272C5F209BA32CA9632745245E289A9EE82CACA23E251D21CC2A69A89DA38DA13DA830A8B6ABCD28C42C46AAEA285BAB30A910A4291ECC252CAE33AC291C58A2CD2E22A32BA8B32B44B0F8AD5630FDA7CD1AD0A0B2A9829F35AC1E2AE9285228E1A930AE3EA60BABE8242DADEEA9971E6E25901C0CAC65A8632EFB294DA9122E129F2A904FA9CF2C3E1D719CECA91BAC68205305F32CD6A9D6A4472A2B295CA8A82CFF25AA2959242F2A66A59FA1EA2AF5248D243E2BDE211E250DAFC6A63929AAA990A3B121559F7C29F72597A0E62AAEA492A80524FD27A99FE6AAA2A6AC215228A32D24A0BEA1E0AE102CCB299F0793A82DB09F2808A9CE2CD128172C719F932B7FACA62CD79794AB32A53EAA9B22A7A816ACA7A408A21D216A28032C30253C2DEAAFCD9BF32937AC50A17C21F7AC61A7942719A4E22C892FCE9B5AAB369843A793AC33A508A69BA4DA29CA2A3725A3A451259813982137AAECB09E29AAA76FA6D293249ACEA3DC2C4C1ECD21ABA9389DD425449C162402AABD2487AAA5A5F1A87820EF2A4F239AA9B01E952A9828522636AB1AA756A817A6DC215D177EA42D2790A839A4321D54AC77A972ACB0AA4F9FA09E4F2427243FABED2D4A2CC9AB68A829A6FF20C527D88515B08F306C293A29CAA8EC1CE4290AA63B2B381C062DC218BB2C19AD952CB225E2A4D12ACEA23029072AA52A032F5D2CF12F7D28AD1FFD241C98DFAB3D1F93AB41A3C7A310A7CFAA8C1D5E955F2C0028FD29FFA5FAA3F6AB8BA98928FAA0649F2CA7EC2CEA993C2B1298042A2EAA48AC052BCFA3CA228C296C28CF2295AB75A8F0160C288E26A424EAA8938D262A83A94CA7BC29092D2C25530D16AA449E0BA9051F8628BE25202C79AA05AC562C9F2A2FAACC1ED0AA3794EB231A2A2AAA07AC3F2749A4732C44AB1DA857B02D2B392C4525B7A36DAE59ACB8A6102EB02998A775250E277226E1A98DA5572A692846A4C32F2A2328A5C42926294B9EBF2DDE2A9515872845280EA3AF28B5A6DCA13728EAAB4FA41DAA8A2844A7D32DE62C52A82A2070A4D6845228BC2CF42EDF2DF4ABF4A587A0CFA3B51F2728ACA556A7812F6E28E42E18A7632C5D2D402CBCA80127DBA815AB2C89972617A13A9D0F283FA88625FE28372853274DAA05A35BA594288AAD881F0EAD2C2872A6A319F729722D3BAA861E2AAEDDA04CA84728069DA11D06AB11A403ABF115FFACFD220E2B2830D32C3C2C2C29142D76952825EBAD2FA6662B68AD32244E9869A432244A1703ABCC9AB3ADCF2CDB8FB729B3A9E42D8B2A8F24DF2106258CA8749E42A1F324EC2C702B2C231B28CEA2ECA512ADF5AB78AB8E991DA0AC25692B6528BE9EBCA5F7A2F127B3A9B7AC3EA1C32AD22BD22708AE579F9628FC2AE72DE3A9D424EAAC15A1CFA44629822083ADB49DCD24A82C85A869A946A7912AF4A2EA1CC22525A9FC2A1DADD62D2CA8BAA9A4A857AB88A90AA95DAB4AA016244AA7C32041A9CA210CA4E4AA371D1EA02EA84698D126C6AB52A60128AF060029A32FF0AB9C24A2A48E2C5C2767ACE32A0610B6A3561493216FA9D3A4512C75AA9EA7E928FDA929A1C923C0A9F0A3C2A964A11A23EA103822C3240529C8AAD11D072D15A2DAA2B00C9DA81427938F54A0B928AA2B81AC62A6F5A27DAC5128BD2E2229072C3AAEA2A535ACFB284C9E7DA02B26DA28302D5E2CF42937ADF52BB81CDEAC3E203EA2C19C1C2A4EAC19289F2B3BAB732C47A8BAA8FA29F092E1AD1AA86028EFA613A6620FAE8E63A8EFA9A225D32B0AB04C255E2AA4A9962CCCAC182A2B2DE72C3FB02F1A60AA0A257B2C4325392D57AD63A9BFA64428C82B55A9ECA9AF2939AC3D2738A96B9C9B2ECAA2811829A91F27DF2C16282EACA524FA2C1FAA329FECA968A758AA4CAC2D266199F6AEABAAA6A807ABCA1F27A1BD2450ACC4A893A5DAA483A4E1A84E9E422DD1A84AAD4B23D7A92929AC2A5E2DA11F63AD212DEB291E2CFE1C76A47A15E4AD502AE7A7D4A7B82484A92B29CFA78D2F012C69283924AE1A47A618AEF0A600A958A6D11CF9ADE4AB4CA8C0A5E2294530FE9E3B28CD0D08239C2DC3206D27351ABFA7FC2AFF9FC32C0CABF9256A2DCFA79F24C82CB1250BA912A437245CA725A5721FD9AB5F2D64A7E680371E962CA3A4952EFD2DCB2849AC20ACE7A1B0233928EF2B1A26021C4A256EAE8B2BCBAC25AE6DA849A5BBAB13A11E1D1A282E254FA6531E1F2C31A2879EC0AEF023992EE02843A10C2C122C682C51AB49ABBC28102723269EAC29293B2EC72B28304E26C01FE52D982A3DAFDFAC622352A6D82D252D322CA8A304A1342905A482281D2420291B1FC4A8A2B042AC9DAC73288EAC4AA77A267C28B12AF725092D38A79C2B4FAC2EA585251428AAA21BA8D9AB4DAF45AE3E2DCBAD10AD47AD06A3F0A2B1A732AC959F94AC4224CB2C29AA6E2196A638A54EACC61A8795162CB52FF7AA312B"
} } #-}

// TENSOR-NONE-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-NONE-SCALAR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf16>
// TENSOR-NONE-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-NONE-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// TENSOR-NONE-SCALAR-NOT:  coreai.blockwise_shift_scale
// TENSOR-NONE-SCALAR:      coreai.transpose

// TENSOR-NONE-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-NONE-PCS-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf16>
// TENSOR-NONE-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-NONE-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// TENSOR-NONE-PCS:      coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-NONE-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// TENSOR-NONE-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-NONE-PCS:      coreai.transpose

// TENSOR-NONE-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// TENSOR-NONE-VECTOR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x2xf16>
// TENSOR-NONE-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-NONE-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<1x1x4x2xf16>, tensor<si16>) -> tensor<32x64xf16>
// TENSOR-NONE-VECTOR-NOT:  coreai.blockwise_shift_scale
// TENSOR-NONE-VECTOR:      coreai.transpose

// TENSOR-INT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-INT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xsi8>
// TENSOR-INT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-INT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// TENSOR-INT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// TENSOR-INT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-INT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-INT8-SCALAR:      coreai.transpose

// TENSOR-INT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-INT8-PCS-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xsi8>
// TENSOR-INT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-INT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// TENSOR-INT8-PCS:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// TENSOR-INT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// TENSOR-INT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-INT8-PCS:      coreai.transpose

// TENSOR-INT8-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// TENSOR-INT8-VECTOR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x2xsi8>
// TENSOR-INT8-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-INT8-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<1x1x4x2xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// TENSOR-INT8-VECTOR:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// TENSOR-INT8-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-INT8-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-INT8-VECTOR:      coreai.transpose

// TENSOR-UINT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-UINT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xui8>
// TENSOR-UINT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-UINT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// TENSOR-UINT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// TENSOR-UINT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-UINT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-UINT8-SCALAR:      coreai.transpose

// TENSOR-UINT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-UINT8-PCS-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xui8>
// TENSOR-UINT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-UINT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// TENSOR-UINT8-PCS:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// TENSOR-UINT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// TENSOR-UINT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-UINT8-PCS:      coreai.transpose

// TENSOR-UINT8-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// TENSOR-UINT8-VECTOR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x2xui8>
// TENSOR-UINT8-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-UINT8-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<1x1x4x2xui8>, tensor<si16>) -> tensor<32x64xui8>
// TENSOR-UINT8-VECTOR:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// TENSOR-UINT8-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-UINT8-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-UINT8-VECTOR:      coreai.transpose

// TENSOR-FP8E4M3-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-FP8E4M3-SCALAR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf8E4M3FN>
// TENSOR-FP8E4M3-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E4M3-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// TENSOR-FP8E4M3-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// TENSOR-FP8E4M3-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E4M3-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E4M3-SCALAR:      coreai.transpose

// TENSOR-FP8E4M3-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-FP8E4M3-PCS-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf8E4M3FN>
// TENSOR-FP8E4M3-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E4M3-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// TENSOR-FP8E4M3-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// TENSOR-FP8E4M3-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E4M3-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E4M3-PCS:      coreai.transpose

// TENSOR-FP8E4M3-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// TENSOR-FP8E4M3-VECTOR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x2xf8E4M3FN>
// TENSOR-FP8E4M3-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E4M3-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<1x1x4x2xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// TENSOR-FP8E4M3-VECTOR:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// TENSOR-FP8E4M3-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E4M3-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E4M3-VECTOR:      coreai.transpose

// TENSOR-FP8E5M2-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-FP8E5M2-SCALAR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf8E5M2>
// TENSOR-FP8E5M2-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E5M2-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// TENSOR-FP8E5M2-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// TENSOR-FP8E5M2-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E5M2-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E5M2-SCALAR:      coreai.transpose

// TENSOR-FP8E5M2-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// TENSOR-FP8E5M2-PCS-NEXT: coreai.constant {{.*}} : tensor<1x1x4x1xf8E5M2>
// TENSOR-FP8E5M2-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E5M2-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<1x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// TENSOR-FP8E5M2-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// TENSOR-FP8E5M2-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E5M2-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E5M2-PCS:      coreai.transpose

// TENSOR-FP8E5M2-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// TENSOR-FP8E5M2-VECTOR-NEXT: coreai.constant {{.*}} : tensor<1x1x4x2xf8E5M2>
// TENSOR-FP8E5M2-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// TENSOR-FP8E5M2-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<1x1x4x2xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// TENSOR-FP8E5M2-VECTOR:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// TENSOR-FP8E5M2-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// TENSOR-FP8E5M2-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// TENSOR-FP8E5M2-VECTOR:      coreai.transpose

// CHANNEL-NONE-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-NONE-SCALAR-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf16>
// CHANNEL-NONE-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-NONE-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// CHANNEL-NONE-SCALAR-NOT:  coreai.blockwise_shift_scale
// CHANNEL-NONE-SCALAR:      coreai.transpose

// CHANNEL-NONE-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-NONE-PCS-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf16>
// CHANNEL-NONE-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-NONE-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// CHANNEL-NONE-PCS:      coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-NONE-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// CHANNEL-NONE-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-NONE-PCS:      coreai.transpose


// CHANNEL-INT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-INT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xsi8>
// CHANNEL-INT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-INT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// CHANNEL-INT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// CHANNEL-INT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// CHANNEL-INT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-INT8-SCALAR:      coreai.transpose

// CHANNEL-INT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-INT8-PCS-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xsi8>
// CHANNEL-INT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-INT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// CHANNEL-INT8-PCS:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// CHANNEL-INT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// CHANNEL-INT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-INT8-PCS:      coreai.transpose


// CHANNEL-UINT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-UINT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xui8>
// CHANNEL-UINT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-UINT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// CHANNEL-UINT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// CHANNEL-UINT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// CHANNEL-UINT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-UINT8-SCALAR:      coreai.transpose

// CHANNEL-UINT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-UINT8-PCS-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xui8>
// CHANNEL-UINT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-UINT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// CHANNEL-UINT8-PCS:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// CHANNEL-UINT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// CHANNEL-UINT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-UINT8-PCS:      coreai.transpose


// CHANNEL-FP8E4M3-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-FP8E4M3-SCALAR-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf8E4M3FN>
// CHANNEL-FP8E4M3-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-FP8E4M3-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// CHANNEL-FP8E4M3-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// CHANNEL-FP8E4M3-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// CHANNEL-FP8E4M3-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-FP8E4M3-SCALAR:      coreai.transpose

// CHANNEL-FP8E4M3-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-FP8E4M3-PCS-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf8E4M3FN>
// CHANNEL-FP8E4M3-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-FP8E4M3-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// CHANNEL-FP8E4M3-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// CHANNEL-FP8E4M3-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// CHANNEL-FP8E4M3-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-FP8E4M3-PCS:      coreai.transpose


// CHANNEL-FP8E5M2-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-FP8E5M2-SCALAR-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf8E5M2>
// CHANNEL-FP8E5M2-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-FP8E5M2-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// CHANNEL-FP8E5M2-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// CHANNEL-FP8E5M2-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// CHANNEL-FP8E5M2-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-FP8E5M2-SCALAR:      coreai.transpose

// CHANNEL-FP8E5M2-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// CHANNEL-FP8E5M2-PCS-NEXT: coreai.constant {{.*}} : tensor<32x1x4x1xf8E5M2>
// CHANNEL-FP8E5M2-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// CHANNEL-FP8E5M2-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<32x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// CHANNEL-FP8E5M2-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// CHANNEL-FP8E5M2-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// CHANNEL-FP8E5M2-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// CHANNEL-FP8E5M2-PCS:      coreai.transpose


// GROUPED-NONE-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-NONE-SCALAR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf16>
// GROUPED-NONE-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-NONE-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// GROUPED-NONE-SCALAR-NOT:  coreai.blockwise_shift_scale
// GROUPED-NONE-SCALAR:      coreai.transpose

// GROUPED-NONE-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-NONE-PCS-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf16>
// GROUPED-NONE-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-NONE-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf16>, tensor<si16>) -> tensor<32x64xf16>
// GROUPED-NONE-PCS:      coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-NONE-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// GROUPED-NONE-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-NONE-PCS:      coreai.transpose

// GROUPED-NONE-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// GROUPED-NONE-VECTOR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x2xf16>
// GROUPED-NONE-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-NONE-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<2x1x4x2xf16>, tensor<si16>) -> tensor<32x64xf16>
// GROUPED-NONE-VECTOR-NOT:  coreai.blockwise_shift_scale
// GROUPED-NONE-VECTOR:      coreai.transpose

// GROUPED-INT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-INT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xsi8>
// GROUPED-INT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-INT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// GROUPED-INT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// GROUPED-INT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-INT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-INT8-SCALAR:      coreai.transpose

// GROUPED-INT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-INT8-PCS-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xsi8>
// GROUPED-INT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-INT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// GROUPED-INT8-PCS:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// GROUPED-INT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// GROUPED-INT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-INT8-PCS:      coreai.transpose

// GROUPED-INT8-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// GROUPED-INT8-VECTOR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x2xsi8>
// GROUPED-INT8-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-INT8-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<2x1x4x2xsi8>, tensor<si16>) -> tensor<32x64xsi8>
// GROUPED-INT8-VECTOR:      coreai.cast {{.*}} : tensor<32x64xsi8> to tensor<32x64xf16>
// GROUPED-INT8-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-INT8-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-INT8-VECTOR:      coreai.transpose

// GROUPED-UINT8-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-UINT8-SCALAR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xui8>
// GROUPED-UINT8-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-UINT8-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// GROUPED-UINT8-SCALAR:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// GROUPED-UINT8-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-UINT8-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-UINT8-SCALAR:      coreai.transpose

// GROUPED-UINT8-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-UINT8-PCS-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xui8>
// GROUPED-UINT8-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-UINT8-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xui8>, tensor<si16>) -> tensor<32x64xui8>
// GROUPED-UINT8-PCS:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// GROUPED-UINT8-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// GROUPED-UINT8-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-UINT8-PCS:      coreai.transpose

// GROUPED-UINT8-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// GROUPED-UINT8-VECTOR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x2xui8>
// GROUPED-UINT8-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-UINT8-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<2x1x4x2xui8>, tensor<si16>) -> tensor<32x64xui8>
// GROUPED-UINT8-VECTOR:      coreai.cast {{.*}} : tensor<32x64xui8> to tensor<32x64xf16>
// GROUPED-UINT8-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-UINT8-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-UINT8-VECTOR:      coreai.transpose

// GROUPED-FP8E4M3-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-FP8E4M3-SCALAR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf8E4M3FN>
// GROUPED-FP8E4M3-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E4M3-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// GROUPED-FP8E4M3-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// GROUPED-FP8E4M3-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E4M3-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E4M3-SCALAR:      coreai.transpose

// GROUPED-FP8E4M3-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-FP8E4M3-PCS-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf8E4M3FN>
// GROUPED-FP8E4M3-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E4M3-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// GROUPED-FP8E4M3-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// GROUPED-FP8E4M3-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E4M3-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E4M3-PCS:      coreai.transpose

// GROUPED-FP8E4M3-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// GROUPED-FP8E4M3-VECTOR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x2xf8E4M3FN>
// GROUPED-FP8E4M3-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E4M3-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<2x1x4x2xf8E4M3FN>, tensor<si16>) -> tensor<32x64xf8E4M3FN>
// GROUPED-FP8E4M3-VECTOR:      coreai.cast {{.*}} : tensor<32x64xf8E4M3FN> to tensor<32x64xf16>
// GROUPED-FP8E4M3-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E4M3-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E4M3-VECTOR:      coreai.transpose

// GROUPED-FP8E5M2-SCALAR:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-FP8E5M2-SCALAR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf8E5M2>
// GROUPED-FP8E5M2-SCALAR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E5M2-SCALAR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// GROUPED-FP8E5M2-SCALAR:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// GROUPED-FP8E5M2-SCALAR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E5M2-SCALAR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E5M2-SCALAR:      coreai.transpose

// GROUPED-FP8E5M2-PCS:      coreai.constant {{.*}} : tensor<32x64xui2>
// GROUPED-FP8E5M2-PCS-NEXT: coreai.constant {{.*}} : tensor<2x1x4x1xf8E5M2>
// GROUPED-FP8E5M2-PCS-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E5M2-PCS-NEXT: coreai.lut_to_dense {{.*}} : (tensor<32x64xui2>, tensor<2x1x4x1xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// GROUPED-FP8E5M2-PCS:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// GROUPED-FP8E5M2-PCS:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>, tensor<1x64xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E5M2-PCS-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E5M2-PCS:      coreai.transpose

// GROUPED-FP8E5M2-VECTOR:      coreai.constant {{.*}} : tensor<16x64xui2>
// GROUPED-FP8E5M2-VECTOR-NEXT: coreai.constant {{.*}} : tensor<2x1x4x2xf8E5M2>
// GROUPED-FP8E5M2-VECTOR-NEXT: coreai.constant dense<0> : tensor<si16>
// GROUPED-FP8E5M2-VECTOR-NEXT: coreai.lut_to_dense {{.*}} : (tensor<16x64xui2>, tensor<2x1x4x2xf8E5M2>, tensor<si16>) -> tensor<32x64xf8E5M2>
// GROUPED-FP8E5M2-VECTOR:      coreai.cast {{.*}} : tensor<32x64xf8E5M2> to tensor<32x64xf16>
// GROUPED-FP8E5M2-VECTOR:      coreai.blockwise_shift_scale {{.*}} : (tensor<32x64xf16>, tensor<1x1xf16>, tensor<1x1xf16>, tensor<1x1xf16>) -> tensor<32x64xf16>
// GROUPED-FP8E5M2-VECTOR-NEXT: coreai.cast {{.*}} : tensor<32x64xf16> to tensor<32x64xf16>
// GROUPED-FP8E5M2-VECTOR:      coreai.transpose
